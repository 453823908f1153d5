using System;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <see cref="CircuitBreakerMiddleware{TMessage, TResult}"/> needs.</summary>
public static class CircuitBreakerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="CircuitBreakerRegistry"/>, the options, and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is registered already. Repeated calls are harmless; the first call's options win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default <see cref="CircuitBreakerOptions"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorCircuitBreaker(this IServiceCollection services, Action<CircuitBreakerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new CircuitBreakerOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => new CircuitBreakerRegistry(provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
