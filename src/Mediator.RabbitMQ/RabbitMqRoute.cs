using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// Where one notification type goes on the broker: its exchange, its routing key, the name it travels under (the
/// AMQP <c>type</c> property) and how it is serialized. Built by <see cref="RabbitMqBuilder.Route{TNotification}"/>.
/// </summary>
public abstract class RabbitMqRoute
{
    private protected RabbitMqRoute(Type messageType, string name, string exchange, string routingKey)
    {
        MessageType = messageType;
        Name = name;
        Exchange = exchange;
        RoutingKey = routingKey;
    }

    /// <summary>The notification type.</summary>
    public Type MessageType { get; }

    /// <summary>The name the message travels under (AMQP <c>type</c>); the consumer finds the route by it.</summary>
    public string Name { get; }

    /// <summary>The topic exchange the notification is published to.</summary>
    public string Exchange { get; }

    /// <summary>The routing key it is published with (and the binding key a consumer's queue binds with).</summary>
    public string RoutingKey { get; }

    /// <summary>Deserializes <paramref name="body"/> and publishes it to this process's handlers through
    /// <paramref name="services"/>' <see cref="IPublisher"/> (the generated type switch: no reflection).</summary>
    /// <exception cref="System.Text.Json.JsonException">The body is not this type's JSON.</exception>
    internal abstract ValueTask DispatchAsync(IServiceProvider services, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>Serializes a notification of this route's type (the mediator's pipelines hand it over unconstrained).</summary>
    internal abstract byte[] SerializeObject(object notification);

    /// <summary>Deserializes the body only (to tell a bad body apart from a failing handler before any handler runs).</summary>
    internal abstract object Deserialize(ReadOnlyMemory<byte> body);

    /// <summary>Publishes an already deserialized notification to this process's handlers.</summary>
    internal abstract ValueTask DispatchAsync(IServiceProvider services, object notification, CancellationToken cancellationToken);
}
