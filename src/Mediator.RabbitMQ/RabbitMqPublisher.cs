using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// Publishes routed notifications: serializes each with its route's source-generated JSON contract into an
/// <see cref="RabbitMqEnvelope"/> (type, message id, <c>traceparent</c>), runs the broker-level publisher-side
/// middleware over it, and sends it, persistent, mandatory and confirmed: the returned task completes when the broker
/// has the message, or fails with <see cref="RabbitMqPublishException"/>. The mediator's <c>Publish</c> of a type routed
/// by <c>[assembly: RabbitMqRoute]</c> comes here after its publish-side middleware; call <see cref="PublishAsync"/>
/// to publish without the mediator's middleware.
/// </summary>
public sealed class RabbitMqPublisher
{
    private readonly RabbitMqRouteTable _routes;
    private readonly MiddlewareChain _chain;

    internal RabbitMqPublisher(RabbitMqRouteTable routes, IRabbitMqTransport transport, IEnumerable<RabbitMqMiddleware> middleware)
    {
        _routes = routes ?? throw new ArgumentNullException(nameof(routes));
        if (transport is null)
        {
            throw new ArgumentNullException(nameof(transport));
        }

        _chain = new MiddlewareChain(middleware, publishing: true, transport.SendAsync);
    }

    /// <summary>Publishes <paramref name="notification"/> on its route and waits for the broker's confirm.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Stops waiting (the message may still reach the broker).</param>
    /// <exception cref="RabbitMqPublishException">Not confirmed: nacked, unroutable, timed out or disconnected; publish again.</exception>
    /// <exception cref="RabbitMqConfigurationException">The type has no route.</exception>
    public ValueTask PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        var route = _routes.For<TNotification>();
        return SendAsync(route, route.Serialize(notification), cancellationToken);
    }

    /// <summary>The mediator's way in (<see cref="RabbitMqForwarding"/>): the pipeline's type parameter carries no
    /// <c>INotification</c> constraint, so the route is found by type and serializes the value.</summary>
    internal ValueTask PublishRoutedAsync<TNotification>(TNotification notification, CancellationToken cancellationToken)
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        var route = _routes.Find(typeof(TNotification))
            ?? throw new RabbitMqConfigurationException($"'{typeof(TNotification).FullName}' is routed by [assembly: RabbitMqRoute] but AddMediatorRabbitMq declared no route for it: add .AddCompiledRoutes() (or .Route<{typeof(TNotification).Name}>(exchange, routingKey, jsonTypeInfo)) to AddMediatorRabbitMq.");
        return SendAsync(route, route.SerializeObject(notification), cancellationToken);
    }

    private async ValueTask SendAsync(RabbitMqRoute route, byte[] body, CancellationToken cancellationToken)
    {
        var envelope = new RabbitMqEnvelope(route.Exchange, route.RoutingKey, body)
        {
            Type = route.Name,
            MessageId = Guid.NewGuid().ToString("N"),
            Route = route,
        };

        using var activity = RabbitMqTelemetry.StartPublish(envelope);
        try
        {
            await _chain.InvokeAsync(envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (activity is not null)
        {
            activity.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error.Message);
            throw;
        }
    }
}
