using System;
using Mediator.BuiltIns;
using Mediator.Caching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <see cref="CachingMiddleware{TMessage, TResult}"/> needs.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="ResponseCache"/>, its options, <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered already, and, unless one is registered already, an
    /// <see cref="ICallerAccessor"/> that knows no caller (answers are then kept once for everyone, and messages that
    /// require authorization are never cached). Register your own accessor, before or after this call, and every
    /// cached answer is kept per caller unless its message says <c>[Cache(SharedAcrossCallers = true)]</c>. Repeated
    /// calls are harmless; the first call's options win.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default <see cref="CachingOptions"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorCaching(this IServiceCollection services, Action<CachingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new CachingOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICallerAccessor, NoCallerAccessor>();
        services.TryAddSingleton(static provider => new ResponseCache(provider.GetRequiredService<CachingOptions>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
