using System.Runtime.CompilerServices;
using Mediator;
using Mediator.Authorization;
using Mediator.Resilience;
using Mediator.Validation;

namespace BuiltInsTests;

/// <summary>
/// The stress test's stream: every built-in that serves streams applies (authorization, validation, rate limit,
/// bulkhead, timeout, circuit breaker, logging, metrics). The bulkhead is narrow and its queue short, so that with 64
/// callers some streams wait and some are refused. <paramref name="FaultAt"/> is the number of items after which the
/// handler throws a transient fault (0: before the first item; negative: none).
/// </summary>
[Authorize(Roles = "clerk")]
[Timeout(Milliseconds = 3_600_000)]
[CircuitBreaker(FailureThreshold = 4, BreakDurationSeconds = 1, ProbeTimeoutSeconds = 3_600)]
[Bulkhead(MaxConcurrency = 4, QueueLimit = 8)]
public sealed record StressFeed(int Caller, int Call, int Count, int FaultAt) : IStreamRequest<int>, IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Require(Count > 0, nameof(Count), "must be positive");
}

/// <summary>
/// Streams <see cref="StressFeed"/>'s items while counting what the stress test asserts on: the items it handed out,
/// and the streams open at once (the bulkhead's limit).
/// </summary>
[Handler]
public sealed class StressFeedHandler(StressFeedProbe probe) : IStreamRequestHandler<StressFeed, int>
{
    public async IAsyncEnumerable<int> Handle(StressFeed request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        probe.Open();
        try
        {
            for (var i = 0; i < request.Count; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                if (i == request.FaultAt) throw new TransientException("injected fault after " + i + " items");
                probe.Yielded();
                yield return i;
            }
        }
        finally
        {
            probe.Close();
        }
    }
}

/// <summary>Thread-safe counts of the stress stream's handler.</summary>
public sealed class StressFeedProbe
{
    private int _open;
    private long _yielded;
    public int MaxOpen;

    /// <summary>Items the handler handed to the pipeline.</summary>
    public long ItemsYielded => Interlocked.Read(ref _yielded);

    /// <summary>Streams open now (0 once every caller has stopped).</summary>
    public int OpenNow => Volatile.Read(ref _open);

    public void Open()
    {
        var open = Interlocked.Increment(ref _open);
        for (var seen = Volatile.Read(ref MaxOpen); open > seen; seen = Volatile.Read(ref MaxOpen))
            if (Interlocked.CompareExchange(ref MaxOpen, open, seen) == seen) return;
    }

    public void Yielded() => Interlocked.Increment(ref _yielded);

    public void Close() => Interlocked.Decrement(ref _open);
}
