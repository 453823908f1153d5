namespace Mediator.RabbitMQ;

/// <summary>The consumed message the current code runs for, if any: handlers and the mediator's middleware read its
/// message id and headers here.</summary>
public static class RabbitMqDelivery
{
    /// <summary>
    /// The message being dispatched on this async flow (after the consumer-side RabbitMQ middleware), or null outside a
    /// consumer. In a consuming app the mediator's publish-side middleware runs again for a consumed notification (the
    /// consumer publishes it to the handlers here through the same compiled pipeline); one that must act once per
    /// message, in the publishing process only, skips when this is not null.
    /// </summary>
    public static RabbitMqEnvelope? Current => DeliveryOutcome.Current?.Message;
}
