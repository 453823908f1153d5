using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;
using static RuntimeTests.BuiltIns.Retry.RetryHarness;

namespace RuntimeTests.BuiltIns.Retry;

public sealed class RetryMiddlewareTests
{
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task N_retries_mean_N_plus_one_calls_and_the_last_failure_propagates(int retries)
    {
        var calls = 0;
        var middleware = Create<IdempotentLookup>(NoWait(retries + 1), _time);

        var thrown = await Assert.ThrowsAsync<TransientException>(() => Send(middleware, new IdempotentLookup(1), (_, _) =>
            ValueTask.FromException<int>(new TransientException("attempt " + ++calls))).AsTask());

        Assert.Equal(retries + 1, calls);
        Assert.Equal("attempt " + (retries + 1), thrown.Message);
    }

    [Fact]
    public async Task A_later_success_is_the_answer()
    {
        var calls = 0;
        var middleware = Create<IdempotentLookup>(NoWait(5), _time);

        var answer = await Send(middleware, new IdempotentLookup(1), (_, _) =>
            ++calls < 3 ? ValueTask.FromException<int>(new TransientException("busy")) : new ValueTask<int>(calls * 10));

        Assert.Equal(30, answer);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Errors_that_are_not_transient_are_not_retried()
    {
        var calls = 0;
        var middleware = Create<IdempotentLookup>(NoWait(5), _time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(middleware, new IdempotentLookup(1), (_, _) =>
        {
            calls++;
            return ValueTask.FromException<int>(new InvalidOperationException("bug"));
        }).AsTask());

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_registered_predicate_makes_more_errors_transient()
    {
        var calls = 0;
        var middleware = Create<IdempotentLookup>(NoWait(3), _time, null, new DeadlocksAreTransient());

        await Assert.ThrowsAsync<DeadlockException>(() => Send(middleware, new IdempotentLookup(1), (_, _) =>
        {
            calls++;
            return ValueTask.FromException<int>(new DeadlockException());
        }).AsTask());

        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public async Task Timeouts_are_retried_unless_the_options_say_no(bool retryTimeouts, int expectedCalls)
    {
        var calls = 0;
        var middleware = Create<IdempotentLookup>(NoWait(2), _time, new RetryOptions { RetryTimeouts = retryTimeouts });

        await Assert.ThrowsAsync<TimeoutException>(() => Send(middleware, new IdempotentLookup(1), (_, _) =>
        {
            calls++;
            return ValueTask.FromException<int>(new TimeoutException());
        }).AsTask());

        Assert.Equal(expectedCalls, calls);
    }

    [Fact]
    public async Task The_back_off_doubles_from_the_base_delay_up_to_the_cap()
    {
        var calls = 0;
        var clock = new RecordingTimeProvider();
        var settings = new RetryAttribute { MaxAttempts = 5, BaseDelayMilliseconds = 100, MaxDelayMilliseconds = 250, Jitter = false };
        var middleware = new RetryMiddleware<IdempotentLookup, int>(settings, clock, new RetryOptions(), []);

        var send = Send(middleware, new IdempotentLookup(1), (_, _) => ValueTask.FromException<int>(new TransientException("attempt " + ++calls)));

        var waits = new List<TimeSpan>();
        for (var retry = 1; retry < settings.MaxAttempts; retry++)
        {
            var due = await clock.NextTimerAsync();
            waits.Add(due);
            clock.Fake.Advance(due);
        }

        await Assert.ThrowsAsync<TransientException>(() => send.AsTask());
        Assert.Equal(new[] { 100, 200, 250, 250 }, waits.Select(w => (int)w.TotalMilliseconds));
        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task Jitter_keeps_each_wait_between_half_and_all_of_the_schedule()
    {
        var calls = 0;
        var settings = new RetryAttribute { MaxAttempts = 2, BaseDelayMilliseconds = 1000, Jitter = true };
        var middleware = Create<IdempotentLookup>(settings, _time);

        var send = Send(middleware, new IdempotentLookup(1), (_, _) =>
            ++calls == 1 ? ValueTask.FromException<int>(new TransientException("busy")) : new ValueTask<int>(7));

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(1, calls);
        _time.Advance(TimeSpan.FromMilliseconds(501));
        Assert.Equal(7, await send);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Cancellation_during_the_back_off_stops_retrying()
    {
        var calls = 0;
        using var caller = new CancellationTokenSource();
        var middleware = Create<IdempotentLookup>(new RetryAttribute { MaxAttempts = 5, BaseDelayMilliseconds = 1000, Jitter = false }, _time);

        var send = Send(middleware, new IdempotentLookup(1), (_, _) =>
        {
            calls++;
            return ValueTask.FromException<int>(new TransientException("busy"));
        }, caller.Token);
        Assert.False(send.IsCompleted);

        caller.Cancel();
        _time.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.AsTask());
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_failure_after_the_caller_cancelled_is_not_retried()
    {
        var calls = 0;
        using var caller = new CancellationTokenSource();
        var middleware = Create<IdempotentLookup>(NoWait(5), _time);

        await Assert.ThrowsAsync<TransientException>(() => Send(middleware, new IdempotentLookup(1), (_, _) =>
        {
            calls++;
            caller.Cancel();
            return ValueTask.FromException<int>(new TransientException("busy while the caller left"));
        }, caller.Token).AsTask());

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_message_that_is_not_idempotent_is_refused_unless_the_attribute_allows_it()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Create<PlainCommand>(NoWait(3), _time));
        Assert.Contains("IIdempotent", refused.Message, StringComparison.Ordinal);

        // Allowed: the middleware is built and retries the command like any other message.
        var allowed = NoWait(3);
        allowed.AllowNonIdempotent = true;
        var calls = 0;
        var answer = await Send(Create<PlainCommand>(allowed, _time), new PlainCommand(1), (_, _) =>
            ++calls < 3 ? ValueTask.FromException<int>(new TransientException("busy")) : new ValueTask<int>(calls));
        Assert.Equal(3, answer);
    }

    [Fact]
    public async Task A_query_is_idempotent_and_may_be_retried()
    {
        var calls = 0;
        var middleware = new RetryMiddleware<ReadQuote, decimal>(NoWait(2), _time, new RetryOptions(), []);

        var answer = await middleware.InvokeAsync(new ReadQuote("X"), new TestNext<ReadQuote, decimal>((_, _) =>
            ++calls == 1 ? ValueTask.FromException<decimal>(new TransientException("busy")) : new ValueTask<decimal>(2m)),
            new MessageContext(typeof(ReadQuote), default));

        Assert.Equal(2m, answer);
        Assert.Equal(2, calls);
    }
}
