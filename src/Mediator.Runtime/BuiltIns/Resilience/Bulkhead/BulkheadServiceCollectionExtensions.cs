using System;
using System.Linq;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the bulkhead middleware.</summary>
public static class BulkheadServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="BulkheadRegistry"/> and its <see cref="BulkheadOptions"/> for
    /// <c>[assembly: UseMiddleware(typeof(BulkheadMiddleware&lt;,&gt;))]</c>. Calling it again configures the same options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the default and group limits.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorBulkhead(this IServiceCollection services, Action<BulkheadOptions>? configure = null)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));

        var options = services.Where(d => d.ServiceType == typeof(BulkheadOptions)).Select(d => d.ImplementationInstance).OfType<BulkheadOptions>().FirstOrDefault();
        if (options is null)
        {
            options = new BulkheadOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        services.TryAddSingleton<BulkheadRegistry>();
        return services;
    }
}
