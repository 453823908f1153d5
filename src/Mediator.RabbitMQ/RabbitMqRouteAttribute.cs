using System;

namespace Mediator.RabbitMQ;

/// <summary>
/// Routes a notification type to RabbitMQ, decided at compile time:
/// <c>[assembly: RabbitMqRoute(typeof(OrderPlaced), "orders", "order.placed")]</c> in the app. The generator writes
/// <c>AddCompiledRoutes()</c>, which declares every such route with the type's contract from the JSON context named by
/// <see cref="RabbitMqJsonContextAttribute"/> (MED0080 when none lists it; MED0081 when the type is not a notification).
/// The contracts project stays free of the transport.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class RabbitMqRouteAttribute : Attribute
{
    /// <summary>Routes <paramref name="notificationType"/> to <paramref name="exchange"/> with <paramref name="routingKey"/>.</summary>
    /// <param name="notificationType">The notification type.</param>
    /// <param name="exchange">The topic exchange.</param>
    /// <param name="routingKey">The routing key.</param>
    public RabbitMqRouteAttribute(Type notificationType, string exchange, string routingKey)
    {
        NotificationType = notificationType;
        Exchange = exchange;
        RoutingKey = routingKey;
    }

    /// <summary>The notification type.</summary>
    public Type NotificationType { get; }

    /// <summary>The topic exchange.</summary>
    public string Exchange { get; }

    /// <summary>The routing key.</summary>
    public string RoutingKey { get; }

    /// <summary>The name the message travels under (AMQP <c>type</c>); default the type's full name.</summary>
    public string? Name { get; set; }
}
