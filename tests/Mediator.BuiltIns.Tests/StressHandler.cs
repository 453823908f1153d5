using Mediator;
using Mediator.Resilience;

namespace BuiltInsTests;

/// <summary>
/// Handles <see cref="StressCommand"/> while counting what the stress test asserts on: calls in flight (the bulkhead's
/// limit), calls that started while the breaker was half-open (its probes), and a transient fault on about 10% of calls.
/// </summary>
[Handler]
public sealed class StressHandler(StressProbe probe, CircuitBreakerRegistry breakers) : IRequestHandler<StressCommand, int>
{
    public async ValueTask<int> Handle(StressCommand request, CancellationToken cancellationToken)
    {
        var probing = breakers.GetState(typeof(StressCommand)) == CircuitState.HalfOpen;
        probe.Enter(probing);
        try
        {
            await Task.Yield();
            if (Random.Shared.Next(10) == 0) throw new TransientException("injected fault");
            return request.Call;
        }
        finally
        {
            probe.Exit(probing);
        }
    }
}

/// <summary>Thread-safe high-water marks of the stress handler.</summary>
public sealed class StressProbe
{
    private int _inFlight;
    private int _probes;

    public int MaxInFlight;
    public int MaxConcurrentProbes;
    public int ProbeCalls;

    /// <summary>Notification deliveries whose handler returned (a successful attempt; its transaction then commits).</summary>
    public int NoticesDelivered;

    public void NoticeDelivered() => Interlocked.Increment(ref NoticesDelivered);

    public void Enter(bool probing)
    {
        Raise(ref MaxInFlight, Interlocked.Increment(ref _inFlight));
        if (!probing) return;
        Interlocked.Increment(ref ProbeCalls);
        Raise(ref MaxConcurrentProbes, Interlocked.Increment(ref _probes));
    }

    public void Exit(bool probing)
    {
        Interlocked.Decrement(ref _inFlight);
        if (probing) Interlocked.Decrement(ref _probes);
    }

    private static void Raise(ref int max, int value)
    {
        for (var seen = Volatile.Read(ref max); value > seen; seen = Volatile.Read(ref max))
            if (Interlocked.CompareExchange(ref max, value, seen) == seen) return;
    }
}
