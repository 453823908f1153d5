using System;
using System.Threading;
using System.Threading.RateLimiting;

namespace Mediator.Resilience;

/// <summary>
/// The bulkhead permit of one stream enumeration, given back exactly once: by the enumeration's own end (completion,
/// failure, cancellation, <c>DisposeAsync</c>) through <see cref="Release"/>, or, when the caller drops the enumerator
/// without disposing it, by the finalizer once the garbage collector finds the enumerator, and so this slot, unreachable.
/// </summary>
/// <remarks>
/// Only the stream's async iterator refers to the slot, so the slot lives exactly as long as the enumerator does. The
/// finalizer only takes the limiter's lock and hands the permit to the next waiter in its queue, whose continuation the
/// platform's <see cref="ConcurrencyLimiter"/> runs on the thread pool (its queued requests complete asynchronously),
/// so no user code runs on the finalizer thread.
/// </remarks>
internal sealed class BulkheadStreamSlot
{
    private RateLimitLease? _lease;

    public BulkheadStreamSlot(RateLimitLease lease) => _lease = lease;

    ~BulkheadStreamSlot() => Interlocked.Exchange(ref _lease, null)?.Dispose();

    /// <summary>Gives the permit back now; later calls, and the finalizer, do nothing.</summary>
    public void Release()
    {
        Interlocked.Exchange(ref _lease, null)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
