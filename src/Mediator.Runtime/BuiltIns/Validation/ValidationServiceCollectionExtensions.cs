using System;
using System.Diagnostics.CodeAnalysis;
using Mediator;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers validators for the validation middleware. The middleware itself needs no other service: messages that
/// implement <see cref="IValidatable"/> are validated as soon as
/// <c>[assembly: UseMiddleware(typeof(ValidationMiddleware&lt;,&gt;))]</c> is declared.
/// </summary>
public static class ValidationServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TValidator"/> as a validator of <typeparamref name="TMessage"/> (once, however often it is called).</summary>
    /// <typeparam name="TMessage">The message type.</typeparam>
    /// <typeparam name="TValidator">The validator class.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="lifetime">Singleton by default; choose scoped when the validator uses scoped services (a database context).</param>
    /// <returns>The same collection, for chaining.</returns>
    public static IServiceCollection AddMediatorValidator<TMessage, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(
        this IServiceCollection services, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        where TValidator : class, IValidator<TMessage>
    {
        if (services is null) throw new ArgumentNullException(nameof(services));
        services.TryAddEnumerable(ServiceDescriptor.Describe(typeof(IValidator<TMessage>), typeof(TValidator), lifetime));
        return services;
    }
}
