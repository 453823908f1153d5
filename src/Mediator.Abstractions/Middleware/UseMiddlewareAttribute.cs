using System;

namespace Mediator;

/// <summary>
/// Names a middleware class where it should apply: on the assembly, for every message its generic constraints allow;
/// on a <see cref="HandlerAttribute"/> class, for that handler only.
/// <code>
/// [assembly: UseMiddleware(typeof(LoggingMiddleware&lt;,&gt;))]          // every pipeline it fits
///
/// [Handler]
/// [UseMiddleware(typeof(RetryOnce&lt;,&gt;))]                            // around this handler only
/// public sealed class ReserveStock : INotificationHandler&lt;OrderPlaced&gt; { ... }
/// </code>
/// </summary>
/// <remarks>
/// <para>
/// The class must carry <see cref="MiddlewareAttribute"/> itself; its concern and ordering rules come with it.
/// Setting <see cref="Order"/> here replaces the class's own order where this attribute places it.
/// </para>
/// <para>
/// On the assembly, the class comes from a referenced assembly (for example a built-in of Mediator.Runtime), or is
/// declared in this one with <see cref="MiddlewareAttribute.Explicit"/> set; it joins the layer its constraints put it in.
/// </para>
/// <para>
/// On a handler, the middleware sits in the innermost layer, "handler" (global, group, message, handler): it wraps that
/// handler's pipeline (requests and streams) or, for a notification handler, that handler's delivery only, not the
/// other handlers of the same notification. Its constraints must fit the handler's message, it must be a message-side
/// middleware (not <see cref="MiddlewareDirection.OnPublish"/>), and, when it is declared in this assembly, it must be
/// <see cref="MiddlewareAttribute.Explicit"/>, so that it does not also wrap the handler through its constraints.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class UseMiddlewareAttribute : Attribute
{
    /// <summary>Applies <paramref name="middleware"/> to this assembly's pipelines, or to the handler it is placed on.</summary>
    /// <param name="middleware">A middleware class, open generic where it is generic.</param>
    public UseMiddlewareAttribute(Type middleware) => Middleware = middleware;

    /// <summary>The middleware class.</summary>
    public Type Middleware { get; }

    /// <summary>When set, replaces the order declared on the class (lower is outer) where this attribute places it.</summary>
    public int Order { get; set; }

    /// <summary>
    /// When set, replaces the lifetime declared on the class (<see cref="MiddlewareAttribute.Lifetime"/>) for the
    /// pipelines this attribute places it in: for example a built-in validation middleware made scoped because the app's
    /// validators are. The container holds one registration per closed middleware type, so where one type is given
    /// several lifetimes the shortest wins everywhere.
    /// </summary>
    public ComponentLifetime Lifetime { get; set; } = ComponentLifetime.Singleton;
}
