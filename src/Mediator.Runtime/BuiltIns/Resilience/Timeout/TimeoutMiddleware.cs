using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Resilience;

/// <summary>
/// Gives every send of a message carrying <see cref="TimeoutAttribute"/> a deadline. The layers inside see a token
/// cancelled by either the caller or a timer on <see cref="TimeProvider"/>; when the send ends in cancellation and it
/// was the timer, not the caller, the middleware throws <see cref="MessageTimeoutException"/>. A caller's own
/// cancellation stays an <see cref="OperationCanceledException"/>, and an already-cancelled caller never reaches the
/// handler. The timeout is cooperative: a handler that ignores its token runs to the end. A stream's deadline covers
/// the whole enumeration, from the caller's first read to the last item (time the caller spends between reads
/// included); <see cref="TimeoutAttribute.BetweenItemsMilliseconds"/> adds a limit on each next item.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Timeout, Concern = Concerns.Timeout)]
public sealed class TimeoutMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
{
    private readonly TimeSpan _timeout;
    private readonly TimeSpan? _betweenItems;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="settings">The message's <see cref="TimeoutAttribute"/>.</param>
    /// <param name="timeProvider">The clock the deadline runs on.</param>
    /// <exception cref="ArgumentOutOfRangeException">The attribute's deadline is not positive, or its limit between items is negative.</exception>
    public TimeoutMiddleware(TimeoutAttribute settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Milliseconds, 0, nameof(settings.Milliseconds));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.BetweenItemsMilliseconds, nameof(settings.BetweenItemsMilliseconds));
        _timeout = TimeSpan.FromMilliseconds(settings.Milliseconds);
        _betweenItems = settings.BetweenItemsMilliseconds > 0 ? TimeSpan.FromMilliseconds(settings.BetweenItemsMilliseconds) : null;
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

    /// <summary>
    /// Wraps a stream: the layers inside see one token, cancelled by the caller, by the whole-stream deadline, or by
    /// the limit on the next item while the caller waits for it. A timer that fired (not the caller) turns the
    /// cancellation into <see cref="MessageTimeoutException"/> naming the limit that passed.
    /// </summary>
    async IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
    {
        var callerToken = context.CancellationToken;
        callerToken.ThrowIfCancellationRequested();

        using var deadline = new CancellationTokenSource(_timeout, _timeProvider);
        using var link = callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);
        // The limit between items runs only while the caller waits for the next one; when it passes it cancels the
        // deadline's token, which is the one the inner layers see.
        using var nextItem = _betweenItems is null ? null : new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        using var nextItemLink = nextItem?.Token.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);

        var items = next.InvokeAsync(request, context.WithCancellationToken(deadline.Token)).GetAsyncEnumerator();
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                nextItem?.CancelAfter(_betweenItems!.Value);
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (OperationCanceledException cancelled) when (deadline.IsCancellationRequested && !callerToken.IsCancellationRequested)
                {
                    var passed = nextItem?.IsCancellationRequested == true ? _betweenItems!.Value : _timeout;
                    throw new MessageTimeoutException(typeof(TMessage), passed, cancelled);
                }

                nextItem?.CancelAfter(Timeout.InfiniteTimeSpan);
                if (!more) yield break;
                yield return items.Current;
            }
        }
    }
}
