using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Swaps the broker for the in-memory <see cref="RabbitMqTestClient"/>.</summary>
public static class RabbitMqTestClientExtensions
{
    /// <summary>
    /// Replaces the broker with <see cref="RabbitMqTestClient"/>: publishes are delivered in this process to the
    /// consumers <c>AddMediatorRabbitMq</c> declared, nothing connects. Call it after <c>AddMediatorRabbitMq</c>; take the
    /// client from the provider to read its records.
    /// </summary>
    /// <param name="services">The container.</param>
    public static IServiceCollection AddRabbitMqTestClient(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new RabbitMqTestClient(sp));
        services.Replace(ServiceDescriptor.Singleton<IRabbitMqTransport>(sp => sp.GetRequiredService<RabbitMqTestClient>()));
        return services;
    }
}
