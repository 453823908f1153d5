using System;

namespace Mediator.RabbitMQ;

/// <summary>
/// A consumed message cannot be read: its body is not the route's JSON, its type is not routed here, or its encoding
/// is broken. The consumer sends it to the dead-letter queue with <c>x-mediator-outcome: undeserializable</c> and carries
/// on; retrying would fail the same way. A consumer-side middleware may throw it too.
/// </summary>
public sealed class UndeserializableMessageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the message.</param>
    /// <param name="innerException">The deserializer's or decoder's exception, if any.</param>
    public UndeserializableMessageException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
