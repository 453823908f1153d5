using System.Collections.Generic;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Resilience;

/// <summary>
/// Caps the dispatches of a message type (or of a group, see <see cref="BulkheadAttribute.Group"/>) in flight at once,
/// on the platform's <see cref="ConcurrencyLimiter"/>. A dispatch that finds the bulkhead full waits in its bounded
/// queue, or is rejected with <see cref="BulkheadRejectedException"/> when the queue is full or there is none.
/// The permit is returned however the dispatch ends: result, exception or cancellation. A stream (<c>CreateStream</c>)
/// takes its permit when the caller starts reading and holds it until the caller stops: completion, failure,
/// cancellation, <c>DisposeAsync</c>, or, for an enumerator dropped without being disposed, the garbage collection that
/// finds it unreachable (docs/built-ins/bulkhead.md, "Streams", says when that is and what it does not cover).
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Bulkhead, Concern = Concerns.Bulkhead)]
public sealed class BulkheadMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly string? _group;
    private readonly BulkheadLimits _limits;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="registry">Owns the shared bulkheads.</param>
    /// <param name="options">The default and group limits.</param>
    /// <param name="bulkhead">The message's <see cref="BulkheadAttribute"/>, or null for the defaults.</param>
    public BulkheadMiddleware(BulkheadRegistry registry, BulkheadOptions options, BulkheadAttribute? bulkhead)
    {
        // The limiter belongs to the registry (a singleton): this instance only remembers which one is its own.
        _limiter = registry.GetLimiter(typeof(TMessage), bulkhead);
        _group = bulkhead?.Group;
        _limits = options.LimitsFor(bulkhead);
    }

    /// <inheritdoc />
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        // A caller who already gave up takes no permit and never reaches the handler.
        context.CancellationToken.ThrowIfCancellationRequested();

        // Completes at once when a permit is free or the queue is full; otherwise waits in the queue, and throws
        // OperationCanceledException (leaving the queue) if the caller gives up while waiting.
        using var lease = await _limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired) throw new BulkheadRejectedException(typeof(TMessage), _group, _limits);

        return await next.InvokeAsync(message, context).ConfigureAwait(false);
    }

    /// <summary>
    /// Wraps a stream: the permit is taken (or waited for in the queue, or refused) when the caller starts reading, the
    /// inner stream (and so the handler) is opened only with it, and it is held until the enumeration ends.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => SlottedItemsAsync(request, next, context);

    private async IAsyncEnumerator<TResult> SlottedItemsAsync<TNext>(TMessage request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TMessage, TResult>
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        var lease = await _limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new BulkheadRejectedException(typeof(TMessage), _group, _limits);
        }

        // From here the slot owns the permit. The finally returns it however the enumeration ends, and the slot's
        // finalizer returns it when the caller drops the enumerator without disposing it (the finally never runs then).
        var slot = new BulkheadStreamSlot(lease);
        try
        {
            await foreach (var item in next.InvokeAsync(request, context))
                yield return item;
        }
        finally
        {
            slot.Release();
        }
    }
}
