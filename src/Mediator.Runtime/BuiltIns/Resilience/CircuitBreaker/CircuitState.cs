namespace Mediator.Resilience;

/// <summary>The state of one message type's circuit breaker.</summary>
public enum CircuitState
{
    /// <summary>Sends reach the handler; consecutive counted failures are being counted.</summary>
    Closed,

    /// <summary>Sends fail fast with <see cref="CircuitOpenException"/> until the break duration has passed.</summary>
    Open,

    /// <summary>The break is over: one probe send is (or may be) let through to decide between closed and open.</summary>
    HalfOpen,
}
