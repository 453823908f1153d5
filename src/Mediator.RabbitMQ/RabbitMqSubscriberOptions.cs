using System;

namespace Mediator.RabbitMQ;

/// <summary>One subscription of a queue (a routed notification type it takes): its own middleware, the seed's
/// subscriber level, innermost.</summary>
public sealed class RabbitMqSubscriberOptions
{
    internal RabbitMqSubscriberOptions(Type messageType, MiddlewareList middleware)
    {
        MessageType = messageType;
        Middleware = middleware;
    }

    /// <summary>The notification type.</summary>
    public Type MessageType { get; }

    /// <summary>Its middleware, outermost first, inside the broker's and the queue's.</summary>
    public MiddlewareList Middleware { get; }

    /// <summary>Adds a middleware for this subscription only.</summary>
    /// <param name="middleware">The instance.</param>
    public RabbitMqSubscriberOptions Use(RabbitMqMiddleware middleware)
    {
        Middleware.Add(middleware);
        return this;
    }
}
