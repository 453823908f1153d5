using System;

namespace Mediator.Resilience;

/// <summary>
/// A send refused by an open (or probing) circuit breaker without calling the handler. <see cref="RetryAfter"/> says
/// how long until the breaker lets a send through again; sending earlier fails the same way.
/// </summary>
public sealed class CircuitOpenException : Exception
{
    /// <summary>Creates the exception for a refused send of <paramref name="messageType"/>.</summary>
    /// <param name="messageType">The message type whose circuit is open.</param>
    /// <param name="retryAfter">The time until the breaker admits a send (a probe) again.</param>
    public CircuitOpenException(Type messageType, TimeSpan retryAfter)
        : base($"The circuit for {messageType} is open; retry after {retryAfter.TotalMilliseconds} ms.")
    {
        MessageType = messageType;
        RetryAfter = retryAfter;
    }

    /// <summary>The message type whose circuit is open.</summary>
    public Type MessageType { get; }

    /// <summary>How long until the breaker admits a send again.</summary>
    public TimeSpan RetryAfter { get; }
}
