using System;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <see cref="RetryMiddleware{TMessage, TResult}"/> needs.</summary>
public static class RetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the retry options and <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is
    /// registered already. Repeated calls are harmless; the first call's options win. Add
    /// <see cref="IRetryPredicate"/> singletons to declare more exceptions transient.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the default <see cref="RetryOptions"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorRetry(this IServiceCollection services, Action<RetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new RetryOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
