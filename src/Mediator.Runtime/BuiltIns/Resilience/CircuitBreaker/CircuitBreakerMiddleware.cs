using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mediator.BuiltIns;
using Mediator.Shared;

namespace Mediator.Resilience;

/// <summary>
/// Stops calling a failing handler for a while. For a message carrying <see cref="CircuitBreakerAttribute"/>: closed,
/// it counts consecutive failures and opens after <see cref="CircuitBreakerAttribute.FailureThreshold"/>; open, it
/// refuses sends with <see cref="CircuitOpenException"/> (carrying the time left) for
/// <see cref="CircuitBreakerAttribute.BreakDurationSeconds"/>; then it lets exactly one probe through, whose success
/// closes the circuit and whose failure opens it again. A probe that is cancelled frees the slot at once; one that
/// never finishes is given up after <see cref="CircuitBreakerAttribute.ProbeTimeoutSeconds"/>. The state is in
/// <see cref="CircuitBreakerRegistry"/>, one breaker per message type. A stream (<c>CreateStream</c>) is admitted when
/// the caller starts reading (an open circuit fails the first <c>MoveNextAsync</c> and the handler's stream is never
/// opened); a failure while it is read counts as a failure, a stream read to its end as a success, and a stream the
/// caller stops reading early or cancels gives no verdict. A notification's handlers each get their own breaker, so
/// that one failing handler opens only its own circuit.
/// </summary>
/// <remarks>
/// The caller's cancellation is not a failure. A timeout middleware outside the breaker (the default order) shows up
/// here as cancellation and is not counted either; put a timeout inside the breaker if slowness should trip it.
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.CircuitBreaker, Concern = Concerns.CircuitBreaker)]
[MustRunInside(Concerns.Retry, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.CircuitBreakerInsideRetry, Reason = BuiltInRules.CircuitBreakerInsideRetryReason)]
public sealed class CircuitBreakerMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
{
    private readonly MessageCircuit _circuit;
    private readonly CircuitBreakerOptions _options;
    private readonly Type? _handlerType;

    /// <summary>Creates the middleware for one message type (for a notification, for one of its handlers).</summary>
    /// <param name="settings">The message's <see cref="CircuitBreakerAttribute"/> (a notification handler's own, when its class carries one).</param>
    /// <param name="registry">Where the breaker of each message type lives.</param>
    /// <param name="options">Settings shared by all messages.</param>
    /// <param name="handler">The notification handler this instance wraps, which gets a breaker of its own; null for a request or a stream.</param>
    public CircuitBreakerMiddleware(CircuitBreakerAttribute settings, CircuitBreakerRegistry registry, CircuitBreakerOptions options, HandlerIdentity? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        _handlerType = handler?.HandlerType;
        _circuit = registry.For(typeof(TMessage), _handlerType, settings);
        _options = options;
    }

    /// <inheritdoc />
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        var permit = Admit(context);
        TResult result;
        try
        {
            result = await next.InvokeAsync(message, context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            OnException(permit, exception, context);
            throw;
        }

        _circuit.OnSuccess(permit);
        return result;
    }

    /// <summary>
    /// Wraps a stream: admitted (or refused) when the caller starts reading, and judged by how the enumeration ends: an
    /// exception as for a request, the end of the stream as a success, a caller that stops early as no verdict.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => JudgedItemsAsync(request, next, context);

    private async IAsyncEnumerator<TResult> JudgedItemsAsync<TNext>(TMessage request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TMessage, TResult>
    {
        var permit = Admit(context);
        var judged = false;
        IAsyncEnumerator<TResult>? items = null;
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    items ??= next.InvokeAsync(request, context).GetAsyncEnumerator();
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    judged = true;
                    OnException(permit, exception, context);
                    throw;
                }

                if (!more)
                {
                    judged = true;
                    _circuit.OnSuccess(permit);
                    yield break;
                }

                yield return items.Current;
            }
        }
        finally
        {
            // The caller disposed the stream before its end: the handler was fine so far, which says nothing either way
            // (a probe frees its slot at once, as a cancelled one does).
            if (!judged) _circuit.OnNoVerdict(permit);
            if (items is not null) await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Admits the dispatch (possibly as the half-open probe) or throws <see cref="CircuitOpenException"/>.</summary>
    private CircuitPermit Admit(MessageContext context)
    {
        // An already-cancelled caller must not take the probe slot.
        context.CancellationToken.ThrowIfCancellationRequested();
        if (!_circuit.TryAdmit(out var permit, out var retryAfter))
        {
            throw new CircuitOpenException(typeof(TMessage), retryAfter, _handlerType);
        }

        return permit;
    }

    /// <summary>Counts the exception as a failure, or as no verdict when it is the caller's cancellation or not a failure per the options.</summary>
    private void OnException(CircuitPermit permit, Exception exception, MessageContext context)
    {
        var cancelledByCaller = exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested;
        if (cancelledByCaller || !_options.IsFailure(exception))
        {
            _circuit.OnNoVerdict(permit);
        }
        else
        {
            _circuit.OnFailure(permit);
        }
    }
}
