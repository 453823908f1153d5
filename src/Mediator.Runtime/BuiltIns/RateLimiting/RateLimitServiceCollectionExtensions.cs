using System;
using System.Linq;
using Mediator.BuiltIns;
using Mediator.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the rate limit middleware.</summary>
public static class RateLimitServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="CallerRateLimiter"/>, its <see cref="RateLimitOptions"/> and <see cref="TimeProvider.System"/>
    /// when no <see cref="TimeProvider"/> is registered, for <c>[assembly: UseMiddleware(typeof(RateLimitMiddleware&lt;,&gt;))]</c>.
    /// Calling it again configures the same options. You register the <see cref="ICallerAccessor"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the bucket and the partitioning.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorRateLimit(this IServiceCollection services, Action<RateLimitOptions>? configure = null)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));

        var options = services.Where(d => d.ServiceType == typeof(RateLimitOptions)).Select(d => d.ImplementationInstance).OfType<RateLimitOptions>().FirstOrDefault();
        if (options is null)
        {
            options = new RateLimitOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static provider => new CallerRateLimiter(provider.GetRequiredService<RateLimitOptions>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
