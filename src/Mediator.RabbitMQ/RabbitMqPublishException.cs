using System;

namespace Mediator.RabbitMQ;

/// <summary>
/// The broker did not confirm a publish: it refused it (a nack), no queue was bound to take it (returned as
/// unroutable), the confirm did not come within <see cref="RabbitMqOptions.ConfirmTimeout"/>, or the connection failed.
/// The message may or may not be on the broker; publishing it again is safe for consumers that drop duplicates and is
/// what the caller should do (with its own back-off) once the broker is reachable.
/// </summary>
public sealed class RabbitMqPublishException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="messageType">The notification type that was published.</param>
    /// <param name="exchange">The exchange it was published to.</param>
    /// <param name="routingKey">Its routing key.</param>
    /// <param name="innerException">The client's error, when there is one.</param>
    public RabbitMqPublishException(string message, Type messageType, string exchange, string routingKey, Exception? innerException)
        : base(message, innerException)
    {
        MessageType = messageType;
        Exchange = exchange;
        RoutingKey = routingKey;
    }

    /// <summary>The notification type that was published.</summary>
    public Type MessageType { get; }

    /// <summary>The exchange it was published to.</summary>
    public string Exchange { get; }

    /// <summary>Its routing key.</summary>
    public string RoutingKey { get; }
}
