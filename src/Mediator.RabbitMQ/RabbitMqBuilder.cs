using System;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>Declares the app's routes and consumers; given to the configure callback of <c>AddMediatorRabbitMq</c>.</summary>
public sealed class RabbitMqBuilder
{
    internal RabbitMqBuilder(IServiceCollection services, RabbitMqOptions options, RabbitMqRouteTable routes, RabbitMqSetup setup)
    {
        Services = services;
        Options = options;
        Routes = routes;
        Setup = setup;
    }

    internal RabbitMqSetup Setup { get; }

    /// <summary>The broker-level middleware (the whole connection): every consumed message passes it first, every
    /// published one last.</summary>
    public MiddlewareList Middleware => Setup.Broker;

    /// <summary>Adds a broker-level middleware: around every message this app consumes, and on every one it publishes
    /// (after the mediator's publish-side middleware).</summary>
    /// <param name="middleware">The instance; it serves every message.</param>
    public RabbitMqBuilder Use(RabbitMqMiddleware middleware)
    {
        Setup.Broker.Add(middleware);
        return this;
    }

    /// <summary>
    /// Drops duplicates: each consumer asks <paramref name="store"/> whether its queue already handled a message's id
    /// and acknowledges it without running the handlers if so; after the handlers succeed it records the id.
    /// </summary>
    /// <param name="store"><see cref="InMemoryInboxStore"/>, <see cref="AdoNetInboxStore"/>, or yours.</param>
    public RabbitMqBuilder UseInbox(IInboxStore store)
    {
        if (store is null)
        {
            throw new ArgumentNullException(nameof(store));
        }

        Services.AddSingleton(store);
        return this;
    }

    /// <summary>The container being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The connection options.</summary>
    public RabbitMqOptions Options { get; }

    /// <summary>The routes declared so far.</summary>
    public RabbitMqRouteTable Routes { get; }

    /// <summary>
    /// Routes <typeparamref name="TNotification"/> to <paramref name="exchange"/> (a durable topic exchange) with
    /// <paramref name="routingKey"/>, serialized by <paramref name="json"/>: the property of your
    /// <c>JsonSerializerContext</c> for the type (<c>AppJson.Default.OrderPlaced</c>), so no reflection runs.
    /// </summary>
    /// <param name="exchange">The exchange.</param>
    /// <param name="routingKey">The routing key.</param>
    /// <param name="json">The source-generated contract of the type.</param>
    /// <param name="name">The name the message travels under (AMQP <c>type</c>); default the type's full name, which
    /// producer and consumer share when both reference the contracts project.</param>
    public RabbitMqBuilder Route<TNotification>(string exchange, string routingKey, JsonTypeInfo<TNotification> json, string? name = null)
        where TNotification : INotification
    {
        if (string.IsNullOrEmpty(exchange))
        {
            throw new ArgumentException("An exchange name is required (the default exchange cannot be bound).", nameof(exchange));
        }

        Routes.Add(new RabbitMqRoute<TNotification>(name ?? typeof(TNotification).FullName!, exchange, routingKey ?? throw new ArgumentNullException(nameof(routingKey)), json ?? throw new ArgumentNullException(nameof(json))));
        return this;
    }

    /// <summary>
    /// Adds a hosted consumer of <paramref name="queue"/>; <paramref name="configure"/> subscribes it to routes and
    /// sets its prefetch and retry policy. In this app, <c>Publish</c> then makes one attempt per handler
    /// (<c>PublishOptions.MaxAttempts = 1</c>, unless you registered <c>PublishOptions</c> yourself): retries wait on
    /// the broker, not in the consumer.
    /// </summary>
    /// <param name="queue">The durable queue to consume.</param>
    /// <param name="configure">Subscriptions and policies.</param>
    public RabbitMqBuilder Consume(string queue, Action<RabbitMqConsumerOptions> configure)
    {
        if (string.IsNullOrEmpty(queue))
        {
            throw new ArgumentException("A queue name is required.", nameof(queue));
        }

        var options = new RabbitMqConsumerOptions(queue, Services);
        configure?.Invoke(options);
        Setup.Consumers.Add(options);
        Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => new RabbitMqConsumer(options, sp));
        DeliveryOutcomeRegistration.Add(Services);
        return this;
    }
}
