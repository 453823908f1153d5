using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RabbitMqTests;

/// <summary>Two apps, as two processes would have them: a producer that publishes orders and a consumer that handles
/// them. Each is its own container with its own mediator and its own connection.</summary>
public static class Apps
{
    /// <summary>The producing app. The handler is compiled into this assembly too, but OrderPlaced is routed
    /// (CompiledRoutes.cs), so the producer's Publish sends it to the broker and the handler never runs here:
    /// <paramref name="deliveries"/> stays empty.</summary>
    public static ServiceProvider Producer(Broker broker, Action<RabbitMqBuilder>? configure = null, Deliveries? deliveries = null, Trail? trail = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(deliveries ?? new Deliveries());
        services.AddSingleton(trail ?? new Trail());
        services.AddScoped<ScopeProbe>();
        services.AddMediator();
        services.AddMediatorRabbitMq(broker.Uri, rabbit =>
        {
            rabbit.Route(broker.Exchange, "order.placed", TestJson.Default.OrderPlaced);
            configure?.Invoke(rabbit);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static ServiceProvider Consumer(
        Broker broker,
        Deliveries deliveries,
        Action<RabbitMqConsumerOptions>? configure = null,
        Action<RabbitMqBuilder>? configureBroker = null,
        Trail? trail = null,
        Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSingleton(deliveries);
        collection.AddSingleton(trail ?? new Trail());
        collection.AddScoped<ScopeProbe>();
        collection.AddMediator();
        collection.AddMediatorRabbitMq(broker.Uri, rabbit =>
        {
            rabbit.Route(broker.Exchange, "order.placed", TestJson.Default.OrderPlaced);
            configureBroker?.Invoke(rabbit);
            rabbit.Consume(broker.Queue, consumer =>
            {
                consumer.Prefetch = 4;
                configure?.Invoke(consumer);
                if (consumer.Subscriptions.Count == 0)
                {
                    consumer.Subscribe<OrderPlaced>();
                }

                broker.Track(consumer);
            });
        });
        services?.Invoke(collection);
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Publishes through the mediator from a scope of its own, as a request would: OrderPlaced's pipeline holds
    /// the scoped RecordOrder (compiled into this assembly), so the mediator asks for a scope even where it only sends.</summary>
    public static async Task PublishAsync(IServiceProvider app, OrderPlaced order)
    {
        await using var scope = app.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<global::Mediator.IPublisher>().Publish(order);
    }

    public static async Task StartAsync(IServiceProvider app)
    {
        foreach (var service in app.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public static async Task StopAsync(IServiceProvider app)
    {
        foreach (var service in app.GetServices<IHostedService>())
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
