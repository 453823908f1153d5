using Mediator.Authorization;
using Mediator.Resilience;
using Mediator.Testing;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BuiltInsTests;

/// <summary>
/// The built-ins on streams, through the generated mediator: the ones that serve streams wrap every stream pipeline in
/// the canonical order, and each acts before the first item.
/// </summary>
public sealed class StreamBuiltInTests
{
    private static readonly Type[] StreamBuiltIns =
    {
        typeof(ValidationMiddleware<Counting, int>), typeof(AuthorizationMiddleware<Counting, int>),
    };

    private static async Task<List<int>> ReadAll(IAsyncEnumerable<int> stream)
    {
        var items = new List<int>();
        await foreach (var item in stream) items.Add(item);
        return items;
    }

    [Fact]
    public async Task A_stream_runs_the_built_ins_that_serve_streams_in_the_canonical_order_then_the_handler()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());

        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new Counting(3))));

        var steps = client.Dispatches.Single().Steps;
        Assert.Equal(StreamBuiltIns, steps.Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
        Assert.Equal(DispatchStepKind.Handler, steps[^1].Kind);
    }

    [Fact]
    public async Task An_Authorize_stream_without_a_caller_is_denied_before_the_first_item_and_the_handler_never_runs()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        AsyncLocalCallerAccessor.SignIn(null);

        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => ReadAll(client.CreateStream(new GuardedFeed(3))));

        Assert.Equal(AuthorizationFailure.Unauthenticated, refusal.Failure);
        Assert.Equal(0, client.Services.GetRequiredService<HandlerProbe>().Calls);
    }

    [Fact]
    public async Task An_Authorize_stream_admits_a_caller_in_its_role_and_forbids_the_others()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var probe = client.Services.GetRequiredService<HandlerProbe>();

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("bob", "viewer"));
        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => ReadAll(client.CreateStream(new GuardedFeed(3))));
        Assert.Equal(AuthorizationFailure.Forbidden, refusal.Failure);
        Assert.Equal(0, probe.Calls);

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));
        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new GuardedFeed(3))));
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task An_invalid_stream_request_is_refused_before_the_first_item_and_the_handler_never_runs()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var probe = client.Services.GetRequiredService<HandlerProbe>();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ReadAll(client.CreateStream(new ValidatedFeed(-1))));
        Assert.Equal(nameof(ValidatedFeed.Count), Assert.Single(error.Errors).Member);
        Assert.Equal(0, probe.Calls);

        Assert.Equal([0, 1], await ReadAll(client.CreateStream(new ValidatedFeed(2))));
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task A_Timeout_stream_that_stalls_fails_with_a_timeout_when_its_deadline_passes()
    {
        var time = new FakeTimeProvider();
        using var client = BuiltInsHost.Client(time, new CapturingLoggerFactory());
        await using var items = client.CreateStream(new TimedFeed()).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());

        var read = items.MoveNextAsync();
        time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<MessageTimeoutException>(async () => await read);
        Assert.Equal(typeof(TimedFeed), timeout.MessageType);
        Assert.Contains(typeof(TimeoutMiddleware<TimedFeed, int>), client.Dispatches.Single().Steps.Select(s => s.ComponentType));
    }
}
