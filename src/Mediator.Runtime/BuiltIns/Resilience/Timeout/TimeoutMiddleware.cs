using System;
using System.Threading;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Resilience;

/// <summary>
/// Gives every send of a message carrying <see cref="TimeoutAttribute"/> a deadline. The layers inside see a token
/// cancelled by either the caller or a timer on <see cref="TimeProvider"/>; when the send ends in cancellation and it
/// was the timer, not the caller, the middleware throws <see cref="MessageTimeoutException"/>. A caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>, and an already-cancelled caller never reaches the
/// handler. The timeout is cooperative: a handler that ignores its token runs to the end.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Timeout, Concern = Concerns.Timeout)]
public sealed class TimeoutMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="settings">The message's <see cref="TimeoutAttribute"/>.</param>
    /// <param name="timeProvider">The clock the deadline runs on.</param>
    /// <exception cref="ArgumentOutOfRangeException">The attribute's deadline is not positive.</exception>
    public TimeoutMiddleware(TimeoutAttribute settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Milliseconds, 0, nameof(settings.Milliseconds));
        _timeout = TimeSpan.FromMilliseconds(settings.Milliseconds);
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        var callerToken = context.CancellationToken;
        callerToken.ThrowIfCancellationRequested();

        // There is no linked source that takes a TimeProvider, so the timer source is linked to the caller by hand.
        using var deadline = new CancellationTokenSource(_timeout, _timeProvider);
        using var link = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);
        try
        {
            return await next.InvokeAsync(message, context.WithCancellationToken(deadline.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (deadline.IsCancellationRequested && !callerToken.IsCancellationRequested)
        {
            throw new MessageTimeoutException(typeof(TMessage), _timeout, cancelled);
        }
    }
}
