using System.Security.Claims;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Mediator.Caching;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Caching;

public sealed record GetPrice(int ProductId);

public sealed record GetReport(int Id, string TraceId) : ICacheKey
{
    public string CacheKey => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class NoEquality
{
}

public sealed class SwitchableCaller : ICallerAccessor
{
    public ClaimsPrincipal? Caller { get; set; }

    public static ClaimsPrincipal User(string id)
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], authenticationType: "test"));
}

public sealed class CachingMiddlewareTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly ResponseCache _cache;
    private readonly SwitchableCaller _caller = new();
    private int _calls;

    public CachingMiddlewareTests() => _cache = new ResponseCache(new CachingOptions(), _time);

    public void Dispose() => _cache.Dispose();

    private CachingMiddleware<TMessage, string> Create<TMessage>(AuthorizeAttribute? authorize = null, ResponseCache? cache = null, bool shared = false)
        where TMessage : notnull
        => new(new CacheAttribute { DurationSeconds = 60, SharedAcrossCallers = shared }, authorize, cache ?? _cache, _caller);

    private ValueTask<string> Send<TMessage>(CachingMiddleware<TMessage, string> middleware, TMessage message, Func<TMessage, ValueTask<string>> handler)
        where TMessage : notnull
        => middleware.InvokeAsync(message, new TestNext<TMessage, string>((m, _) =>
        {
            Interlocked.Increment(ref _calls);
            return handler(m);
        }), new MessageContext(typeof(TMessage), default));

    private static ValueTask<string> Answer(GetPrice message) => new("price " + message.ProductId);

    [Fact]
    public async Task A_repeated_read_is_answered_from_the_cache_by_value_equality()
    {
        var middleware = Create<GetPrice>();

        Assert.Equal("price 1", await Send(middleware, new GetPrice(1), Answer));
        Assert.Equal("price 1", await Send(middleware, new GetPrice(1), Answer));
        Assert.Equal("price 2", await Send(middleware, new GetPrice(2), Answer));

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Ten_concurrent_misses_run_the_handler_once()
    {
        var middleware = Create<GetPrice>();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;

        Task<string> SendOne() => Task.Run(async () =>
        {
            // The send has led or joined the load by the time InvokeAsync returns: everything before its first await is synchronous.
            var pending = Send(middleware, new GetPrice(7), _ => new ValueTask<string>(release.Task));
            if (Interlocked.Increment(ref started) == 10)
            {
                allStarted.SetResult();
            }

            return await pending;
        });

        var sends = Enumerable.Range(0, 10).Select(_ => SendOne()).ToArray();
        await allStarted.Task;
        release.SetResult("once");

        Assert.All(await Task.WhenAll(sends), answer => Assert.Equal("once", answer));
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task User_As_cached_answer_never_reaches_user_B_when_the_message_requires_authorization()
    {
        var middleware = Create<GetPrice>(new AuthorizeAttribute());
        ValueTask<string> AnswerForCaller(GetPrice message) => new("for " + _caller.Caller!.FindFirst(ClaimTypes.NameIdentifier)!.Value);

        _caller.Caller = SwitchableCaller.User("alice");
        Assert.Equal("for alice", await Send(middleware, new GetPrice(1), AnswerForCaller));
        _caller.Caller = SwitchableCaller.User("bob");
        Assert.Equal("for bob", await Send(middleware, new GetPrice(1), AnswerForCaller));
        _caller.Caller = SwitchableCaller.User("alice");
        Assert.Equal("for alice", await Send(middleware, new GetPrice(1), AnswerForCaller));

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Without_an_identifiable_caller_a_message_that_requires_authorization_is_never_cached()
    {
        var middleware = Create<GetPrice>(new AuthorizeAttribute());
        _caller.Caller = new ClaimsPrincipal(new ClaimsIdentity());

        await Send(middleware, new GetPrice(1), Answer);
        await Send(middleware, new GetPrice(1), Answer);

        Assert.Equal(2, _calls);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task Without_authorization_on_the_message_each_known_caller_still_gets_its_own_answer()
    {
        // The endpoint authorized the call; the handler reads the current user. The message says nothing about callers.
        var middleware = Create<GetPrice>();
        ValueTask<string> AnswerForCaller(GetPrice message) => new("for " + (_caller.Caller?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "anonymous"));

        _caller.Caller = SwitchableCaller.User("alice");
        Assert.Equal("for alice", await Send(middleware, new GetPrice(1), AnswerForCaller));
        _caller.Caller = SwitchableCaller.User("bob");
        Assert.Equal("for bob", await Send(middleware, new GetPrice(1), AnswerForCaller));
        _caller.Caller = null;
        Assert.Equal("for anonymous", await Send(middleware, new GetPrice(1), AnswerForCaller));
        _caller.Caller = SwitchableCaller.User("alice");
        Assert.Equal("for alice", await Send(middleware, new GetPrice(1), AnswerForCaller));

        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task Anonymous_callers_share_one_partition_of_their_own()
    {
        var middleware = Create<GetPrice>();
        _caller.Caller = null;
        await Send(middleware, new GetPrice(1), Answer);
        _caller.Caller = new ClaimsPrincipal(new ClaimsIdentity()); // a principal that is not authenticated
        await Send(middleware, new GetPrice(1), Answer);
        Assert.Equal(1, _calls);

        // Not an authenticated caller's, though: one who signs in gets an answer of its own.
        _caller.Caller = SwitchableCaller.User("alice");
        await Send(middleware, new GetPrice(1), Answer);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task An_authenticated_caller_that_cannot_be_told_apart_from_others_bypasses_the_cache()
    {
        var middleware = Create<GetPrice>();
        _caller.Caller = new ClaimsPrincipal(new ClaimsIdentity(authenticationType: "test")); // authenticated, no name, no id

        await Send(middleware, new GetPrice(1), Answer);
        await Send(middleware, new GetPrice(1), Answer);

        Assert.Equal(2, _calls);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task Answers_declared_shared_across_callers_are_kept_once_for_all_of_them()
    {
        var middleware = Create<GetPrice>(shared: true);
        _caller.Caller = SwitchableCaller.User("alice");
        await Send(middleware, new GetPrice(1), Answer);
        _caller.Caller = SwitchableCaller.User("bob");
        await Send(middleware, new GetPrice(1), Answer);
        _caller.Caller = null;
        await Send(middleware, new GetPrice(1), Answer);

        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task Shared_across_callers_wins_over_authorization_on_the_message()
    {
        // [Authorize] still runs outside the cache (MED0012); the answer itself is declared the same for everyone.
        var middleware = Create<GetPrice>(new AuthorizeAttribute(), shared: true);
        _caller.Caller = SwitchableCaller.User("alice");
        await Send(middleware, new GetPrice(1), Answer);
        _caller.Caller = SwitchableCaller.User("bob");
        await Send(middleware, new GetPrice(1), Answer);

        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task Failures_are_never_cached()
    {
        var middleware = Create<GetPrice>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(middleware, new GetPrice(1), _ => ValueTask.FromException<string>(new InvalidOperationException("down"))).AsTask());
        Assert.Equal(0, _cache.Count);
        Assert.Equal("price 1", await Send(middleware, new GetPrice(1), Answer));
        Assert.Equal("price 1", await Send(middleware, new GetPrice(1), Answer));

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Concurrent_callers_that_joined_a_failed_load_all_see_the_failure_and_nothing_is_cached()
    {
        var middleware = Create<GetPrice>();
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

        var leader = Send(middleware, new GetPrice(3), _ => new ValueTask<string>(release.Task));
        var joiner = Send(middleware, new GetPrice(3), _ => new ValueTask<string>("not called"));
        release.SetException(new InvalidOperationException("down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => leader.AsTask());
        await Assert.ThrowsAsync<InvalidOperationException>(() => joiner.AsTask());
        Assert.Equal(1, _calls);
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task An_answer_expires_after_its_duration()
    {
        var middleware = Create<GetPrice>();
        await Send(middleware, new GetPrice(1), Answer);

        _time.Advance(TimeSpan.FromSeconds(59));
        await Send(middleware, new GetPrice(1), Answer);
        Assert.Equal(1, _calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        await Send(middleware, new GetPrice(1), Answer);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task The_messages_own_cache_key_decides_what_counts_as_the_same_read()
    {
        var middleware = Create<GetReport>();

        await Send(middleware, new GetReport(1, "trace-a"), m => new ValueTask<string>("report " + m.Id));
        await Send(middleware, new GetReport(1, "trace-b"), m => new ValueTask<string>("report " + m.Id));

        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task The_size_limit_bounds_what_is_stored()
    {
        using var small = new ResponseCache(new CachingOptions { SizeLimit = 1 }, _time);
        var middleware = Create<GetPrice>(cache: small);

        await Send(middleware, new GetPrice(1), Answer);
        await Send(middleware, new GetPrice(2), Answer);

        // One answer fits: the first is stored, the second is refused (not stored in its place).
        Assert.Equal(1, small.Count);
        await Send(middleware, new GetPrice(1), Answer);
        Assert.Equal(2, _calls);
        await Send(middleware, new GetPrice(2), Answer);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public void A_message_without_a_cache_key_or_value_equality_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Create<NoEquality>());
        Assert.Contains("ICacheKey", refused.Message, StringComparison.Ordinal);
    }
}
