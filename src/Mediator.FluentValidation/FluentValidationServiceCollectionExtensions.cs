using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FluentValidation;
using Mediator.FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Lets the validation built-in run FluentValidation validators.</summary>
public static class FluentValidationServiceCollectionExtensions
{
    /// <summary>
    /// Registers every FluentValidation validator in <paramref name="assembly"/> (FluentValidation's own
    /// <c>AddValidatorsFromAssembly</c>) and the adapter that runs them in the validation built-in: the one call an app
    /// makes (<c>services.AddMediatorFluentValidation(typeof(Program).Assembly)</c>). Scoped by default, as
    /// FluentValidation registers them, so that a validator may take the request's <c>DbContext</c>; the validation
    /// middleware must then be scoped too: <c>[assembly: UseMiddleware(typeof(ValidationMiddleware&lt;,&gt;), Lifetime = ComponentLifetime.Scoped)]</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="assembly">Where the validators are.</param>
    /// <param name="lifetime">The validators' lifetime and the adapter's: scoped by default; singleton for validators that take only singletons.</param>
    /// <param name="includeInternalTypes">Whether internal validator classes are registered too.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorFluentValidation(
        this IServiceCollection services, Assembly assembly, ServiceLifetime lifetime = ServiceLifetime.Scoped, bool includeInternalTypes = false)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return services.AddMediatorFluentValidation(new[] { assembly }, lifetime, includeInternalTypes);
    }

    /// <summary>
    /// Registers every FluentValidation validator in <paramref name="assemblies"/> (FluentValidation's own
    /// <c>AddValidatorsFromAssemblies</c>) and the adapter that runs them in the validation built-in. Scoped by default,
    /// as FluentValidation registers them, so that a validator may take the request's <c>DbContext</c>; the validation
    /// middleware must then be scoped too: <c>[assembly: UseMiddleware(typeof(ValidationMiddleware&lt;,&gt;), Lifetime = ComponentLifetime.Scoped)]</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="assemblies">Where the validators are (at least one).</param>
    /// <param name="lifetime">The validators' lifetime and the adapter's: scoped by default; singleton for validators that take only singletons.</param>
    /// <param name="includeInternalTypes">Whether internal validator classes are registered too.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorFluentValidation(
        this IServiceCollection services, IEnumerable<Assembly> assemblies, ServiceLifetime lifetime = ServiceLifetime.Scoped, bool includeInternalTypes = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(assemblies);
        var list = assemblies.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Name at least one assembly that holds FluentValidation validators.", nameof(assemblies));
        }

        services.AddValidatorsFromAssemblies(list, lifetime, includeInternalTypes: includeInternalTypes);
        return services.AddMediatorFluentValidation(lifetime);
    }

    /// <summary>
    /// Registers the adapter that runs, in the validation built-in, the FluentValidation validators the app registers
    /// itself (<c>AddValidatorsFromAssemblyContaining&lt;T&gt;()</c>, or <c>AddScoped&lt;IValidator&lt;T&gt;, ...&gt;()</c>),
    /// before or after this call. Once: repeated calls are harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="lifetime">
    /// The adapter's lifetime: no longer than the validators' (scoped, FluentValidation's default, unless they are all
    /// singletons). A scoped adapter needs the validation middleware scoped as well.
    /// </param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorFluentValidation(this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Scoped)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Describe(typeof(Mediator.Validation.IValidator<>), typeof(FluentValidationAdapter<>), lifetime));
        return services;
    }
}
