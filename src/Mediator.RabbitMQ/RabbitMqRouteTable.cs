using System;
using System.Collections.Generic;

namespace Mediator.RabbitMQ;

/// <summary>Every route of the app, by notification type and by the name messages travel under.</summary>
public sealed class RabbitMqRouteTable
{
    private readonly Dictionary<Type, RabbitMqRoute> _byType = new();
    private readonly Dictionary<string, RabbitMqRoute> _byName = new(StringComparer.Ordinal);

    /// <summary>The routes, in the order they were added.</summary>
    public IReadOnlyList<RabbitMqRoute> Routes => _routes;

    private readonly List<RabbitMqRoute> _routes = new();

    internal void Add(RabbitMqRoute route)
    {
        if (_byType.ContainsKey(route.MessageType))
        {
            throw new RabbitMqConfigurationException($"'{route.MessageType.FullName}' has two RabbitMQ routes; give each notification type one route.");
        }

        if (_byName.TryGetValue(route.Name, out var other))
        {
            throw new RabbitMqConfigurationException($"'{route.MessageType.FullName}' and '{other.MessageType.FullName}' both travel as '{route.Name}'; give one of them another name (the name argument of Route).");
        }

        _byType.Add(route.MessageType, route);
        _byName.Add(route.Name, route);
        _routes.Add(route);
    }

    /// <summary>The route of <typeparamref name="TNotification"/>.</summary>
    /// <exception cref="RabbitMqConfigurationException">The type has no route.</exception>
    public RabbitMqRoute<TNotification> For<TNotification>()
        where TNotification : INotification
        => _byType.TryGetValue(typeof(TNotification), out var route)
            ? (RabbitMqRoute<TNotification>)route
            : throw new RabbitMqConfigurationException($"'{typeof(TNotification).FullName}' has no RabbitMQ route; add .Route<{typeof(TNotification).Name}>(exchange, routingKey, jsonTypeInfo) to AddMediatorRabbitMq.");

    /// <summary>The route of <paramref name="messageType"/>, or null.</summary>
    /// <param name="messageType">The notification type.</param>
    public RabbitMqRoute? Find(Type messageType) => _byType.TryGetValue(messageType, out var route) ? route : null;

    /// <summary>The route messages named <paramref name="name"/> travel on, or null.</summary>
    /// <param name="name">The AMQP <c>type</c> property of a message.</param>
    public RabbitMqRoute? FindByName(string name) => _byName.TryGetValue(name, out var route) ? route : null;
}
