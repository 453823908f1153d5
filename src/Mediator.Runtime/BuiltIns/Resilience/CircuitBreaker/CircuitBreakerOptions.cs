using System;

namespace Mediator.Resilience;

/// <summary>Settings of the circuit breaker shared by all messages; per-message settings are on <see cref="CircuitBreakerAttribute"/>.</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>
    /// Which exceptions count as failures of the handler. Default: every exception. The caller's own cancellation is
    /// never counted. An exception this rejects neither counts nor resets the count (a business error says nothing
    /// about the dependency's health); a probe that ends in one frees the probe slot.
    /// </summary>
    public Func<Exception, bool> IsFailure { get; set; } = static _ => true;
}
