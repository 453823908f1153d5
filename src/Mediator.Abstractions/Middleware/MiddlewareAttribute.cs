using System;

namespace Mediator;

/// <summary>
/// Marks a class as middleware. The source generator places it, at compile time, in the pipeline of every
/// message whose types satisfy the class's generic constraints (unless it is <see cref="Explicit"/>).
/// </summary>
/// <remarks>
/// Pipelines are layered (outermost first): global middleware, then group middleware (whose message type parameter
/// is constrained to a type marked <see cref="MiddlewareGroupAttribute"/>), then message middleware (written for one
/// closed message type), then handler middleware (named by <see cref="UseMiddlewareAttribute"/> on one handler class).
/// Inside a layer, <see cref="RunsBeforeAttribute"/> and <see cref="RunsAfterAttribute"/>
/// constraints decide first, then <see cref="Order"/> (lower is outer), then the class name.
/// <para>
/// A constructor parameter whose type is an attribute class makes the middleware per-message configurable: it wraps
/// only messages that carry that attribute, and the generator passes it the message's attribute, rebuilt from the
/// constant arguments written on the message (nothing reads attributes at run time). Its other constructor parameters
/// come from the container.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MiddlewareAttribute : Attribute
{
    /// <summary>
    /// Position inside its layer: lower runs first (outermost), higher runs closer to the handler.
    /// The default is 0.
    /// </summary>
    public int Order { get; set; }

    /// <summary>
    /// For notifications: whether the middleware runs around each handler (<see cref="MiddlewareDirection.OnMessage"/>,
    /// the default) or once per <c>Publish</c> before the fan-out (<see cref="MiddlewareDirection.OnPublish"/>).
    /// Requests and streams have only the message side: an <see cref="MiddlewareDirection.OnPublish"/> middleware never
    /// wraps them.
    /// </summary>
    public MiddlewareDirection Direction { get; set; } = MiddlewareDirection.OnMessage;

    /// <summary>
    /// The concern this middleware provides (one of <see cref="Concerns"/> or a name of your own), or null.
    /// Ordering rules (<see cref="RunsBeforeAttribute"/>, <see cref="MustRunInsideAttribute"/>, ...) and
    /// <see cref="RequiresConcernAttribute"/> find middleware by it.
    /// </summary>
    public string? Concern { get; set; }

    /// <summary>
    /// When true, the middleware applies only where <see cref="UseMiddlewareAttribute"/> names it: on a handler class
    /// (<c>[UseMiddleware(typeof(X&lt;,&gt;))]</c>, around that handler only) or on the assembly
    /// (<c>[assembly: UseMiddleware(typeof(X&lt;,&gt;))]</c>, wherever its constraints fit). It is not placed automatically
    /// in every pipeline its constraints fit. The default is false.
    /// </summary>
    public bool Explicit { get; set; }

    /// <summary>
    /// How long one instance lives. When not set, the project's default applies
    /// (<see cref="DefaultLifetimesAttribute.Middleware"/>, itself <see cref="ComponentLifetime.Singleton"/> unless set).
    /// A singleton is shared by every dispatch at once, so it keeps no per-request state and takes no scoped services;
    /// choose <see cref="ComponentLifetime.Scoped"/> for a middleware that takes a <c>DbContext</c>, the current user or
    /// scoped validators, and <see cref="ComponentLifetime.Transient"/> for one that needs a fresh instance per dispatch.
    /// </summary>
    public ComponentLifetime Lifetime { get; set; } = ComponentLifetime.Singleton;
}
