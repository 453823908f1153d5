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
        : this(messageType, retryAfter, null)
    {
    }

    /// <summary>Creates the exception for a refused delivery of <paramref name="messageType"/> to <paramref name="handlerType"/>.</summary>
    /// <param name="messageType">The message type whose circuit is open.</param>
    /// <param name="retryAfter">The time until the breaker admits a send (a probe) again.</param>
    /// <param name="handlerType">The notification handler whose own circuit is open; null for a request.</param>
    public CircuitOpenException(Type messageType, TimeSpan retryAfter, Type? handlerType)
        : base(handlerType is null
            ? $"The circuit for {messageType} is open; retry after {retryAfter.TotalMilliseconds} ms."
            : $"The circuit for {messageType} in handler {handlerType} is open; the other handlers still run. Retry after {retryAfter.TotalMilliseconds} ms.")
    {
        MessageType = messageType;
        RetryAfter = retryAfter;
        HandlerType = handlerType;
    }

    /// <summary>The message type whose circuit is open.</summary>
    public Type MessageType { get; }

    /// <summary>The notification handler whose own circuit is open; null for a request.</summary>
    public Type? HandlerType { get; }

    /// <summary>How long until the breaker admits a send again.</summary>
    public TimeSpan RetryAfter { get; }
}
