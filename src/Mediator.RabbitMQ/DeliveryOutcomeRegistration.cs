using System;
using System.Linq;
using Mediator.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mediator.RabbitMQ;

/// <summary>Registers what a consuming app needs from the mediator: the drop-noting observer (wrapping the app's own,
/// registered before) and one in-process attempt per handler.</summary>
internal static class DeliveryOutcomeRegistration
{
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(new PublishOptions { MaxAttempts = 1 });
        if (services.Any(d => d.ServiceType == typeof(DeliveryOutcomeObserver)))
        {
            return;
        }

        var previous = services.LastOrDefault(d => d.ServiceType == typeof(IDispatchObserver) && !d.IsKeyedService);
        services.RemoveAll<IDispatchObserver>();
        services.AddSingleton(sp => new DeliveryOutcomeObserver(Create(sp, previous)));
        services.AddSingleton<IDispatchObserver>(sp => sp.GetRequiredService<DeliveryOutcomeObserver>());
    }

    private static IDispatchObserver? Create(IServiceProvider services, ServiceDescriptor? descriptor)
    {
        if (descriptor is null)
        {
            return null;
        }

        if (descriptor.ImplementationInstance is IDispatchObserver instance)
        {
            return instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return (IDispatchObserver)factory(services);
        }

        // Read straight from the descriptor: its annotation tells the trimmer to keep the type's constructors.
        return descriptor.ImplementationType is null ? null : (IDispatchObserver)ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType);
    }
}
