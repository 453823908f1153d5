namespace Mediator.Resilience;

/// <summary>
/// What the breaker handed one admitted send: whether it is the half-open probe, and the breaker generation it was
/// admitted in, so that an outcome arriving after the breaker moved on (a probe that outlived its timeout, a failure
/// from before the circuit opened) changes nothing.
/// </summary>
internal readonly record struct CircuitPermit(bool IsProbe, long Generation);
