using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Timeout;

public sealed record FlakyRead(int Id) : IIdempotent;

/// <summary>Timeout against the caller's cancellation, with retry outside the timeout and inside it.</summary>
public sealed class RetryAndTimeoutNestingTests
{
    private readonly FakeTimeProvider _time = new();
    private int _calls;

    private TimeoutMiddleware<FlakyRead, int> Timeout(int milliseconds) => new(new TimeoutAttribute { Milliseconds = milliseconds }, _time);

    private RetryMiddleware<FlakyRead, int> Retry(int maxAttempts, int delayMilliseconds)
        => new(new RetryAttribute { MaxAttempts = maxAttempts, BaseDelayMilliseconds = delayMilliseconds, Jitter = false }, _time, new RetryOptions(), []);

    private static MessageContext Context(CancellationToken token) => new(typeof(FlakyRead), token);

    /// <summary>The first attempt hangs until its token is cancelled; later ones answer with their number.</summary>
    private async ValueTask<int> HangFirst(FlakyRead message, MessageContext context)
    {
        if (++_calls == 1)
        {
            await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
        }

        return _calls;
    }

    private ValueTask<int> AlwaysTransient(FlakyRead message, MessageContext context)
    {
        _calls++;
        return ValueTask.FromException<int>(new TransientException("busy"));
    }

    private ValueTask<int> RetryAroundTimeout(RetryMiddleware<FlakyRead, int> retry, TimeoutMiddleware<FlakyRead, int> timeout, CancellationToken token)
        => retry.InvokeAsync(new FlakyRead(1), new TestNext<FlakyRead, int>((m, c) => timeout.InvokeAsync(m, new TestNext<FlakyRead, int>(HangFirst), c)), Context(token));

    private ValueTask<int> TimeoutAroundRetry(TimeoutMiddleware<FlakyRead, int> timeout, RetryMiddleware<FlakyRead, int> retry, CancellationToken token)
        => timeout.InvokeAsync(new FlakyRead(1), new TestNext<FlakyRead, int>((m, c) => retry.InvokeAsync(m, new TestNext<FlakyRead, int>(AlwaysTransient), c)), Context(token));

    [Fact]
    public async Task Retry_around_timeout_retries_an_attempt_that_timed_out()
    {
        var send = RetryAroundTimeout(Retry(3, 0), Timeout(500), default);

        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, await send);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task Retry_around_timeout_gives_up_on_the_callers_cancellation_without_a_timeout()
    {
        using var caller = new CancellationTokenSource();
        var send = RetryAroundTimeout(Retry(3, 0), Timeout(500), caller.Token);

        caller.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.AsTask());
        Assert.IsNotType<MessageTimeoutException>(cancelled);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task Timeout_around_retry_ends_the_back_off_with_a_timeout()
    {
        var send = TimeoutAroundRetry(Timeout(500), Retry(5, 1000), default);
        Assert.Equal(1, _calls);

        _time.Advance(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<MessageTimeoutException>(() => send.AsTask());
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task Timeout_around_retry_gives_up_on_the_callers_cancellation_without_a_timeout()
    {
        using var caller = new CancellationTokenSource();
        var send = TimeoutAroundRetry(Timeout(500), Retry(5, 1000), caller.Token);

        caller.Cancel();
        _time.Advance(TimeSpan.FromSeconds(10));

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.AsTask());
        Assert.IsNotType<MessageTimeoutException>(cancelled);
        Assert.Equal(1, _calls);
    }
}
