using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Timeout;

public sealed record SlowRead(int Id);

public sealed class TimeoutMiddlewareTests
{
    private readonly FakeTimeProvider _time = new();

    private TimeoutMiddleware<SlowRead, int> Create(int milliseconds) => new(new TimeoutAttribute { Milliseconds = milliseconds }, _time);

    private static ValueTask<int> Send(TimeoutMiddleware<SlowRead, int> middleware, Func<SlowRead, MessageContext, ValueTask<int>> handler, CancellationToken token = default)
        => middleware.InvokeAsync(new SlowRead(1), new TestNext<SlowRead, int>(handler), new MessageContext(typeof(SlowRead), token));

    private static async ValueTask<int> WaitForever(SlowRead message, MessageContext context)
    {
        await Task.Delay(System.Threading.Timeout.Infinite, context.CancellationToken);
        return 0;
    }

    [Fact]
    public async Task A_send_that_finishes_in_time_returns_its_answer()
    {
        Assert.Equal(5, await Send(Create(1000), (_, _) => new ValueTask<int>(5)));
    }

    [Fact]
    public async Task When_the_deadline_passes_the_send_fails_with_a_timeout()
    {
        var send = Send(Create(1000), WaitForever);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(send.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(1));

        var timeout = await Assert.ThrowsAsync<MessageTimeoutException>(() => send.AsTask());
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.Equal(typeof(SlowRead), timeout.MessageType);
        Assert.IsAssignableFrom<OperationCanceledException>(timeout.InnerException);
    }

    [Fact]
    public async Task The_callers_cancellation_stays_a_cancellation()
    {
        using var caller = new CancellationTokenSource();
        var send = Send(Create(1000), WaitForever, caller.Token);

        caller.Cancel();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.AsTask());
        Assert.IsNotType<MessageTimeoutException>(cancelled);
    }

    [Fact]
    public async Task An_already_cancelled_caller_never_reaches_the_handler()
    {
        var calls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(Create(1000), (_, _) => new ValueTask<int>(++calls), new CancellationToken(true)).AsTask());
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task The_handler_sees_a_token_the_deadline_cancels()
    {
        CancellationToken seen = default;
        await Send(Create(1000), (_, context) =>
        {
            seen = context.CancellationToken;
            return new ValueTask<int>(1);
        });

        Assert.True(seen.CanBeCanceled);
    }
}
