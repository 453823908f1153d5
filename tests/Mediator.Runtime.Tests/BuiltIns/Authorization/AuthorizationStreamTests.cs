using Mediator;
using Mediator.Authorization;

namespace RuntimeTests.BuiltIns.Authorization;

/// <summary>
/// The stream side of authorization: the caller is checked before the first item, with the request version's rules
/// (deny by default, roles, policy, the message's own check), and a refused caller never opens the handler's stream.
/// </summary>
public sealed class AuthorizationStreamTests
{
    public sealed record Feed(string Tenant);

    public sealed record PublicFeed;

    private static IStreamMiddleware<T, int> Create<T>(AuthorizeAttribute? authorize, SettableCallerAccessor callers, params IAuthorizationPolicy[] policies)
        => new AuthorizationMiddleware<T, int>(authorize, callers, new AuthorizationPolicies(policies));

    private static IAsyncEnumerator<int> Open<T>(IStreamMiddleware<T, int> middleware, T request, TestStreamNext<T, int> next, CancellationToken cancellationToken = default)
        => middleware.InvokeAsync(request, next, new MessageContext(typeof(T), cancellationToken));

    [Fact]
    public async Task Deny_by_default_an_Authorize_stream_without_a_caller_fails_before_the_first_item_and_never_opens_the_handler()
    {
        var handler = new StreamHandlerStub();
        var middleware = Create<Feed>(new AuthorizeAttribute(), new SettableCallerAccessor());

        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => StreamHandlerStub.ReadAll(Open(middleware, new Feed("t1"), handler.Next<Feed>(3))));

        Assert.Equal(AuthorizationFailure.Unauthenticated, refusal.Failure);
        Assert.Equal(0, handler.Opened);
    }

    [Fact]
    public async Task Roles_forbid_a_caller_outside_them_before_the_first_item_and_admit_one_inside()
    {
        var handler = new StreamHandlerStub();
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("bob", "clerk") };
        var middleware = Create<Feed>(new AuthorizeAttribute { Roles = "admin" }, callers);

        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => StreamHandlerStub.ReadAll(Open(middleware, new Feed("t1"), handler.Next<Feed>(3))));
        Assert.Equal(AuthorizationFailure.Forbidden, refusal.Failure);
        Assert.Equal(0, handler.Opened);

        callers.Caller = SettableCallerAccessor.User("alice", "admin");
        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open(middleware, new Feed("t1"), handler.Next<Feed>(3))));
        Assert.Equal(1, handler.Opened);
    }

    [Fact]
    public async Task A_policy_that_refuses_stops_the_stream_before_the_handler()
    {
        var handler = new StreamHandlerStub();
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("alice") };
        var policy = new DelegateAuthorizationPolicy("Never", _ => false);
        var middleware = Create<Feed>(new AuthorizeAttribute { Policy = "Never" }, callers, policy);

        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => StreamHandlerStub.ReadAll(Open(middleware, new Feed("t1"), handler.Next<Feed>(3))));

        Assert.Equal("policy 'Never'", refusal.Requirement);
        Assert.Equal(0, handler.Opened);
    }

    [Fact]
    public async Task A_stream_that_requires_nothing_is_passed_through_without_a_caller()
    {
        var handler = new StreamHandlerStub();
        var middleware = Create<PublicFeed>(null, new SettableCallerAccessor());

        Assert.Equal([0, 1], await StreamHandlerStub.ReadAll(Open(middleware, new PublicFeed(), handler.Next<PublicFeed>(2))));
    }

    [Fact]
    public async Task A_failure_after_some_items_reaches_the_caller_after_those_items()
    {
        var handler = new StreamHandlerStub();
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("alice") };
        var enumerator = Open(Create<Feed>(new AuthorizeAttribute(), callers), new Feed("t1"), handler.Next<Feed>(5, failAfter: 2));
        var read = new List<int>();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using (enumerator)
                while (await enumerator.MoveNextAsync()) read.Add(enumerator.Current);
        });

        Assert.Equal([0, 1], read);
        Assert.Equal(1, handler.Finished);
    }

    [Fact]
    public async Task Cancellation_between_items_reaches_the_handler_and_stops_the_stream()
    {
        var handler = new StreamHandlerStub();
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("alice") };
        using var cancellation = new CancellationTokenSource();
        var enumerator = Open(Create<Feed>(new AuthorizeAttribute(), callers), new Feed("t1"), handler.Next<Feed>(5), cancellation.Token);

        await using (enumerator)
        {
            Assert.True(await enumerator.MoveNextAsync());
            cancellation.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());
        }

        Assert.Equal(1, handler.Produced);
        Assert.Equal(1, handler.Finished);
    }

    [Fact]
    public async Task Disposing_after_one_item_disposes_the_handlers_stream()
    {
        var handler = new StreamHandlerStub();
        var callers = new SettableCallerAccessor { Caller = SettableCallerAccessor.User("alice") };
        var enumerator = Open(Create<Feed>(new AuthorizeAttribute(), callers), new Feed("t1"), handler.Next<Feed>(5));

        Assert.True(await enumerator.MoveNextAsync());
        await enumerator.DisposeAsync();

        Assert.Equal((1, 1), (handler.Produced, handler.Finished));
    }
}
