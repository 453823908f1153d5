using System;
using System.Linq;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the RabbitMQ transport.</summary>
public static class RabbitMqServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connection to <paramref name="uri"/>, the <see cref="RabbitMqPublisher"/> and the routes and
    /// consumers <paramref name="configure"/> declares. Call it once, beside <c>AddMediator()</c>.
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="uri">The broker (<c>amqp://user:password@host:5672/</c>).</param>
    /// <param name="configure">Routes (<see cref="RabbitMqBuilder.Route{TNotification}"/>) and consumers
    /// (<see cref="RabbitMqBuilder.Consume"/>).</param>
    public static IServiceCollection AddMediatorRabbitMq(this IServiceCollection services, Uri uri, Action<RabbitMqBuilder> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (services.Any(d => d.ServiceType == typeof(RabbitMqRouteTable)))
        {
            throw new RabbitMqConfigurationException("AddMediatorRabbitMq was called twice; declare every route and consumer in one call.");
        }

        var options = new RabbitMqOptions { Uri = uri ?? throw new ArgumentNullException(nameof(uri)) };
        var routes = new RabbitMqRouteTable();
        var setup = new RabbitMqSetup(new MiddlewareList(services));
        configure?.Invoke(new RabbitMqBuilder(services, options, routes, setup));
        services.AddSingleton(options);
        services.AddSingleton(routes);
        services.AddSingleton(setup);
        services.TryAddSingleton(sp => new RabbitMqConnection(sp.GetRequiredService<RabbitMqOptions>()));
        services.TryAddSingleton<IRabbitMqTransport>(sp => new BrokerTransport(sp.GetRequiredService<RabbitMqConnection>()));
        services.TryAddSingleton(sp => new RabbitMqPublisher(
            sp.GetRequiredService<RabbitMqRouteTable>(),
            sp.GetRequiredService<IRabbitMqTransport>(),
            sp.GetRequiredService<RabbitMqSetup>().Broker.Resolve(sp)));
        return services;
    }
}
