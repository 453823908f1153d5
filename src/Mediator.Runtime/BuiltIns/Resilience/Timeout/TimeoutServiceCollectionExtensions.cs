using System;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <see cref="TimeoutMiddleware{TMessage, TResult}"/> needs.</summary>
public static class TimeoutServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorTimeout(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
