using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RabbitMqTests;

/// <summary>Two apps, as two processes would have them: a producer that publishes orders and a consumer that handles
/// them. Each is its own container with its own mediator and its own connection.</summary>
public static class Apps
{
    public static ServiceProvider Producer(Broker broker)
    {
        var services = new ServiceCollection();
        // The handler is compiled into this assembly too; the producer never consumes, so it never runs here.
        services.AddSingleton(new Deliveries());
        services.AddScoped<ScopeProbe>();
        services.AddMediator();
        services.AddMediatorRabbitMq(broker.Uri, rabbit => rabbit
            .Route(broker.Exchange, "order.placed", TestJson.Default.OrderPlaced));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public static ServiceProvider Consumer(Broker broker, Deliveries deliveries, Action<RabbitMqConsumerOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(deliveries);
        services.AddScoped<ScopeProbe>();
        services.AddMediator();
        services.AddMediatorRabbitMq(broker.Uri, rabbit => rabbit
            .Route(broker.Exchange, "order.placed", TestJson.Default.OrderPlaced)
            .Consume(broker.Queue, consumer =>
            {
                consumer.Subscribe<OrderPlaced>();
                consumer.Prefetch = 4;
                configure?.Invoke(consumer);
                broker.Track(consumer);
            }));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
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
