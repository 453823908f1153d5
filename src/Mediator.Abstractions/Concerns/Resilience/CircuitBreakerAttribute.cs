using System;

namespace Mediator.Resilience;

/// <summary>
/// Puts a circuit breaker in front of this message's handler: after <see cref="FailureThreshold"/> consecutive
/// failures it stops calling the handler for <see cref="BreakDurationSeconds"/> (sends fail fast with
/// <c>CircuitOpenException</c>), then lets exactly one probe through; the probe's success closes the circuit, its
/// failure opens it again. The breaker is shared by all sends of the message type.
/// </summary>
/// <example><code>
/// [CircuitBreaker(FailureThreshold = 5, BreakDurationSeconds = 30)]
/// public sealed record ChargeCard(string Token, decimal Amount) : IRequest&lt;Receipt&gt;;
/// </code></example>
[RequiresConcern(Concerns.CircuitBreaker)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class CircuitBreakerAttribute : Attribute
{
    /// <summary>Consecutive counted failures that open the circuit. Default 5.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>How long the circuit stays open before it admits a probe. Default 30.</summary>
    public int BreakDurationSeconds { get; set; } = 30;

    /// <summary>
    /// How long a probe may run before the breaker stops waiting for it and admits another, so that a probe that hangs
    /// or is abandoned cannot keep the circuit half-open for ever. Default 30.
    /// </summary>
    public int ProbeTimeoutSeconds { get; set; } = 30;
}
