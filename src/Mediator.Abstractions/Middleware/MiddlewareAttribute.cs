using System;

namespace Mediator;

/// <summary>
/// Marks a class as middleware. The source generator places it, at compile time, in the pipeline of every
/// message whose types satisfy the class's generic constraints.
/// </summary>
/// <remarks>
/// Pipelines are layered (outermost first): global middleware, then group middleware (whose message type parameter
/// is constrained to a type marked <see cref="MiddlewareGroupAttribute"/>), then message middleware (written for one
/// closed message type). Inside a layer, <see cref="Order"/> decides: lower is outer.
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
}
