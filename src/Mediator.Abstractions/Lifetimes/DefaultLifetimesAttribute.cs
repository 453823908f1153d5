using System;

namespace Mediator;

/// <summary>
/// The project-wide default lifetimes of the handlers and middleware declared in this assembly: those whose
/// <see cref="HandlerAttribute"/> or <see cref="MiddlewareAttribute"/> does not set <c>Lifetime</c>.
/// <code>
/// [assembly: DefaultLifetimes(Handlers = ComponentLifetime.Scoped)]   // EF Core apps: handlers take the DbContext
/// [assembly: DefaultLifetimes(Handlers = ComponentLifetime.Transient)] // as MediatR registers them
/// </code>
/// </summary>
/// <remarks>
/// Without this attribute both defaults are <see cref="ComponentLifetime.Singleton"/>. It applies to the classes declared
/// in the assembly that carries it; middleware from another assembly (the built-ins of Mediator.Runtime) keeps its own
/// lifetime unless <see cref="UseMiddlewareAttribute.Lifetime"/> sets one where it is placed.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class DefaultLifetimesAttribute : Attribute
{
    /// <summary>The lifetime of a handler whose <see cref="HandlerAttribute"/> does not set one. The default is singleton.</summary>
    public ComponentLifetime Handlers { get; set; } = ComponentLifetime.Singleton;

    /// <summary>The lifetime of a middleware whose <see cref="MiddlewareAttribute"/> does not set one. The default is singleton.</summary>
    public ComponentLifetime Middleware { get; set; } = ComponentLifetime.Singleton;
}
