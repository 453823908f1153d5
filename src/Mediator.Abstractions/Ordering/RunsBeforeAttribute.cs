using System;

namespace Mediator;

/// <summary>
/// A soft ordering constraint: when this middleware and the target share a pipeline layer (global, group, message or handler),
/// this middleware runs before the target, that is outside it. The generator sorts each layer topologically
/// (stable, <see cref="MiddlewareAttribute.Order"/> as tie-break) and reports a cycle as an error.
/// </summary>
/// <remarks>
/// The target is a middleware type (open generic, <c>typeof(Audit&lt;,&gt;)</c>) or a concern name
/// (<see cref="MiddlewareAttribute.Concern"/>, for example <see cref="Concerns.Caching"/>), which matches every
/// middleware that provides that concern. A target absent from the pipeline is ignored.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RunsBeforeAttribute : Attribute
{
    /// <summary>Runs before (outside) the middleware type <paramref name="middleware"/>.</summary>
    /// <param name="middleware">A middleware class, open generic where it is generic.</param>
    public RunsBeforeAttribute(Type middleware) => Middleware = middleware;

    /// <summary>Runs before (outside) every middleware providing <paramref name="concern"/>.</summary>
    /// <param name="concern">A concern name, see <see cref="Concerns"/>.</param>
    public RunsBeforeAttribute(string concern) => Concern = concern;

    /// <summary>The target middleware type, or null when the target is a concern.</summary>
    public Type? Middleware { get; }

    /// <summary>The target concern, or null when the target is a type.</summary>
    public string? Concern { get; }
}
