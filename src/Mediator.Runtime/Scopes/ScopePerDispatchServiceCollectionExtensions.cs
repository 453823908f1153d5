using System;
using Mediator;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ScopePerDispatchMediator"/>.</summary>
public static class ScopePerDispatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ScopePerDispatchMediator"/> (a singleton) for callers outside any scope: each of its dispatches
    /// runs in a scope of its own. Call <c>AddMediator()</c> too. Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddScopePerDispatchMediator(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddSingleton<ScopePerDispatchMediator>();
        return services;
    }
}
