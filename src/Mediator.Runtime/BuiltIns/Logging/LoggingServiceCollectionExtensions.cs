using System;
using System.Linq;
using Mediator.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the logging middleware.</summary>
public static class LoggingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LoggingOptions"/> and <see cref="TimeProvider.System"/> when no <see cref="TimeProvider"/> is
    /// registered, for <c>[assembly: UseMiddleware(typeof(LoggingMiddleware&lt;,&gt;))]</c>. The middleware writes to the
    /// application's <c>ILoggerFactory</c>: call <c>services.AddLogging(...)</c> too. Calling it again configures the same options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the category and the payload opt-in.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorLogging(this IServiceCollection services, Action<LoggingOptions>? configure = null)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));

        var options = services.Where(d => d.ServiceType == typeof(LoggingOptions)).Select(d => d.ImplementationInstance).OfType<LoggingOptions>().FirstOrDefault();
        if (options is null)
        {
            options = new LoggingOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
