using System;

namespace Mediator;

/// <summary>
/// Marks a class as middleware. The source generator places it, at compile time, in the pipeline of every
/// message whose types satisfy the class's generic constraints, ordered by <see cref="Order"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MiddlewareAttribute : Attribute
{
    /// <summary>
    /// Position in the pipeline: lower runs first (outermost), higher runs closer to the handler.
    /// The default is 0.
    /// </summary>
    public int Order { get; set; }
}
