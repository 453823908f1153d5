using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>The middleware of one level (broker, router or subscriber), in registration order: instances given as they
/// are, or types taken from the container when the transport starts.</summary>
public sealed class MiddlewareList
{
    private readonly List<Func<IServiceProvider, RabbitMqMiddleware>> _factories = new();
    private readonly IServiceCollection? _services;

    internal MiddlewareList(IServiceCollection? services) => _services = services;

    /// <summary>How many middlewares this level has.</summary>
    public int Count => _factories.Count;

    /// <summary>Adds <paramref name="middleware"/> (a configured instance, as the seed's <c>Middleware(Class, args)</c>).</summary>
    /// <param name="middleware">The instance; it serves every message.</param>
    public void Add(RabbitMqMiddleware middleware)
    {
        if (middleware is null)
        {
            throw new ArgumentNullException(nameof(middleware));
        }

        _factories.Add(_ => middleware);
    }

    /// <summary>Adds a <typeparamref name="TMiddleware"/> built by the container (registered as a singleton unless it is
    /// registered already), so that it can take services.</summary>
    /// <typeparam name="TMiddleware">The middleware class.</typeparam>
    public void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMiddleware>()
        where TMiddleware : RabbitMqMiddleware
    {
        if (_services is not null)
        {
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton<TMiddleware>(_services);
        }

        _factories.Add(sp => sp.GetRequiredService<TMiddleware>());
    }

    internal List<RabbitMqMiddleware> Resolve(IServiceProvider services)
    {
        var resolved = new List<RabbitMqMiddleware>(_factories.Count);
        foreach (var factory in _factories)
        {
            resolved.Add(factory(services));
        }

        return resolved;
    }
}
