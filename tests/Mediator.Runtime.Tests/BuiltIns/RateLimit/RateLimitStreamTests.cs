using Mediator;
using Mediator.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.RateLimit;

/// <summary>
/// The stream side of the rate limit: one token per stream, taken from the caller's bucket when reading starts; a
/// refused caller gets the request version's exception (with its exact RetryAfter) from the first read and the
/// handler's stream is never opened. Buckets refill on a fake clock, so token counts are exact.
/// </summary>
public sealed class RateLimitStreamTests : IDisposable
{
    public sealed record Feed(int Count);

    private readonly FakeTimeProvider _clock = new();
    private readonly SettableCallerAccessor _callers = new();
    private readonly StreamHandlerStub _handler = new();
    private readonly RateLimitOptions _options = new() { TokenLimit = 2, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1) };
    private readonly CallerRateLimiter _limiter;

    public RateLimitStreamTests() => _limiter = new CallerRateLimiter(_options, _clock);

    public void Dispose() => _limiter.Dispose();

    private IAsyncEnumerator<int> Open(string? caller, int count = 5, int? failAfter = null, CancellationToken cancellationToken = default)
    {
        _callers.Caller = caller is null ? null : SettableCallerAccessor.User(caller);
        return ((IStreamMiddleware<Feed, int>)new RateLimitMiddleware<Feed, int>(_callers, _limiter, _options))
            .InvokeAsync(new Feed(count), _handler.Next<Feed>(count, failAfter), new MessageContext(typeof(Feed), cancellationToken));
    }

    private long Tokens(string caller) => _limiter.GetStatistics(caller)!.CurrentAvailablePermits;

    [Fact]
    public async Task A_stream_takes_one_token_when_reading_starts_however_many_items_it_yields()
    {
        var items = Open("alice", count: 5);
        Assert.Equal(2, Tokens("alice")); // opening the enumerator takes nothing

        Assert.Equal([0, 1, 2, 3, 4], await StreamHandlerStub.ReadAll(items));
        Assert.Equal(1, Tokens("alice"));

        Assert.Equal([0, 1, 2, 3, 4], await StreamHandlerStub.ReadAll(Open("alice", count: 5)));
        Assert.Equal(0, Tokens("alice"));
        Assert.Equal(2, _handler.Opened);
    }

    [Fact]
    public async Task A_caller_over_the_limit_is_refused_from_the_first_read_with_retry_after_and_the_handler_never_opens()
    {
        await StreamHandlerStub.ReadAll(Open("alice"));
        await StreamHandlerStub.ReadAll(Open("alice"));
        _clock.Advance(TimeSpan.FromMilliseconds(300));

        await using var refused = Open("alice");
        var refusal = await Assert.ThrowsAsync<RateLimitExceededException>(async () => await refused.MoveNextAsync());

        Assert.Equal((TimeSpan.FromMilliseconds(700), false, typeof(Feed)), (refusal.RetryAfter, refusal.Anonymous, refusal.MessageType));
        Assert.Equal(2, _handler.Opened);
        Assert.Equal(0, Tokens("alice"));
    }

    [Fact]
    public async Task A_refused_stream_stays_ended_a_second_read_returns_false_and_neither_checks_again_nor_opens_the_handler()
    {
        await StreamHandlerStub.ReadAll(Open("alice"));
        await StreamHandlerStub.ReadAll(Open("alice"));
        await using var refused = Open("alice");
        await Assert.ThrowsAsync<RateLimitExceededException>(async () => await refused.MoveNextAsync());

        _clock.Advance(TimeSpan.FromSeconds(1)); // a token is back: a second check would take it and open the handler
        Assert.False(await refused.MoveNextAsync());

        Assert.Equal(1, Tokens("alice"));
        Assert.Equal(2, _handler.Opened);
    }

    [Fact]
    public async Task Each_caller_has_its_own_bucket_and_anonymous_callers_are_refused_when_the_policy_says_reject()
    {
        await StreamHandlerStub.ReadAll(Open("alice"));
        await StreamHandlerStub.ReadAll(Open("alice"));
        await Assert.ThrowsAsync<RateLimitExceededException>(() => StreamHandlerStub.ReadAll(Open("alice")));

        Assert.Equal([0, 1], await StreamHandlerStub.ReadAll(Open("bob", count: 2)));
        Assert.Equal(1, Tokens("bob"));

        _options.AnonymousCallers = AnonymousCallerPolicy.Reject;
        var anonymous = await Assert.ThrowsAsync<RateLimitExceededException>(() => StreamHandlerStub.ReadAll(Open(null)));
        Assert.Equal((true, (TimeSpan?)null), (anonymous.Anonymous, anonymous.RetryAfter));
        Assert.Equal(3, _handler.Opened);
    }

    [Fact]
    public async Task A_token_is_spent_not_held_a_failure_after_some_items_or_a_cancellation_between_items_gives_nothing_back()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => StreamHandlerStub.ReadAll(Open("alice", failAfter: 2)));
        Assert.Equal(1, Tokens("alice"));

        using var caller = new CancellationTokenSource();
        await using (var items = Open("alice", cancellationToken: caller.Token))
        {
            Assert.True(await items.MoveNextAsync());
            caller.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await items.MoveNextAsync());
        }

        Assert.Equal(0, Tokens("alice"));
        Assert.Equal(2, _handler.Finished);
    }

    [Fact]
    public async Task An_already_cancelled_caller_takes_no_token_and_never_opens_the_handlers_stream()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamHandlerStub.ReadAll(Open("alice", cancellationToken: new CancellationToken(true))));

        Assert.Equal(2, Tokens("alice"));
        Assert.Equal(0, _handler.Opened);
    }
}
