using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the services of the authorization middleware and its named policies.</summary>
public static class AuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AuthorizationPolicies"/> for <c>[assembly: UseMiddleware(typeof(AuthorizationMiddleware&lt;,&gt;))]</c>.
    /// You register the <see cref="ICallerAccessor"/> that says who is calling; without a caller every message that
    /// requires authorization is refused.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorAuthorization(this IServiceCollection services)
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        services.TryAddSingleton<AuthorizationPolicies>();
        return services;
    }

    /// <summary>Registers the policy <typeparamref name="TPolicy"/> (a singleton), found by its name.</summary>
    /// <typeparam name="TPolicy">The policy class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorAuthorizationPolicy<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPolicy>(this IServiceCollection services)
        where TPolicy : class, IAuthorizationPolicy
    {
        services.AddMediatorAuthorization();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationPolicy, TPolicy>());
        return services;
    }

    /// <summary>Registers a policy named <paramref name="name"/> that checks the caller with <paramref name="requirement"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The policy name, as in <c>[Authorize(Policy = "...")]</c>.</param>
    /// <param name="requirement">True when the caller satisfies the policy.</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorAuthorizationPolicy(this IServiceCollection services, string name, Func<ClaimsPrincipal, bool> requirement)
    {
        services.AddMediatorAuthorization();
        services.AddSingleton<IAuthorizationPolicy>(new DelegateAuthorizationPolicy(name, requirement));
        return services;
    }
}
