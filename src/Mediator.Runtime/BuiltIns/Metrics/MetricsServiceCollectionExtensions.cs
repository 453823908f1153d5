using System;
using Mediator.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the metrics middleware.</summary>
public static class MetricsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MediatorInstrumentation"/> (meter and activity source "Mediator") and
    /// <see cref="TimeProvider.System"/> when no <see cref="TimeProvider"/> is registered, for
    /// <c>[assembly: UseMiddleware(typeof(MetricsMiddleware&lt;,&gt;))]</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorMetrics(this IServiceCollection services)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MediatorInstrumentation>();
        return services;
    }
}
