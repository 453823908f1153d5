using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>
/// The fan-out the generator writes for a notification routed by <c>[assembly: RabbitMqRoute(typeof(T), ...)]</c>: the
/// hook after the publish-side middleware. <c>Publish</c> of such a notification (the typed overload, or
/// <c>IPublisher</c>/<c>IMediator</c>) runs the publish-side middleware, then this, which sends it to the broker through
/// <see cref="RabbitMqPublisher"/> and completes when the broker confirmed it. The handlers compiled into the publishing
/// app do not run there: they run where a queue subscribed to the route is consumed, once per queue (docs/rabbitmq.md
/// says why). When the consumer of this app dispatches a message it took from a queue, this delivers it to the handlers
/// here, one after the other as the default strategy does, and reports their failures as a
/// <see cref="PublishException"/>. <c>AddMediator()</c> registers it; you do not use it yourself.
/// </summary>
public sealed class RabbitMqForwarding : IPublishStrategy
{
    private readonly IServiceProvider _services;
    private RabbitMqPublisher? _publisher;

    /// <summary>Creates the strategy over the app's container (the publisher is taken from it on first use).</summary>
    /// <param name="services">The root provider.</param>
    public RabbitMqForwarding(IServiceProvider services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    /// <summary>Sends the notification to the broker, or delivers a consumed one to the handlers here.</summary>
    /// <typeparam name="TNotification">The routed notification type.</typeparam>
    /// <typeparam name="THandlers">Its handlers in this app.</typeparam>
    /// <param name="notification">The notification.</param>
    /// <param name="handlers">Its handlers in this app, each with its handler-side middleware.</param>
    /// <param name="context">The dispatch context.</param>
    public ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>
    {
        if (DeliveryOutcome.Current is { } delivery && delivery.TryTake(typeof(TNotification)))
        {
            return DeliverHereAsync(notification, handlers, context);
        }

        return Publisher.PublishRoutedAsync(notification, context.CancellationToken);
    }

    private RabbitMqPublisher Publisher
        => _publisher ??= _services.GetService<RabbitMqPublisher>()
            ?? throw new RabbitMqConfigurationException("This notification is routed to RabbitMQ by [assembly: RabbitMqRoute], so Publish sends it to the broker, but the container has no RabbitMQ transport: call services.AddMediatorRabbitMq(uri, rabbit => rabbit.AddCompiledRoutes()) beside AddMediator().");

    private static async ValueTask DeliverHereAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>
    {
        List<NotificationFailure>? failures = null;
        for (var i = 0; i < handlers.Count; i++)
        {
            if (await handlers.DeliverAsync(i, notification, context).ConfigureAwait(false) is { } failure)
            {
                (failures ??= new List<NotificationFailure>()).Add(failure);
            }
        }

        if (failures is not null)
        {
            throw new PublishException(context.MessageType, failures);
        }
    }
}
