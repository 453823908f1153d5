using System;

namespace Mediator;

/// <summary>
/// Adds a middleware class from a referenced assembly (for example a built-in of Mediator.Runtime) to this assembly's
/// pipelines, as if it were declared here with <see cref="MiddlewareAttribute"/>: it wraps every message whose types
/// satisfy its generic constraints, in the layer its constraints put it in.
/// <code>[assembly: UseMiddleware(typeof(LoggingMiddleware&lt;,&gt;))]</code>
/// </summary>
/// <remarks>
/// The class must carry <see cref="MiddlewareAttribute"/> itself; its concern and ordering rules come with it.
/// Setting <see cref="Order"/> here replaces the class's own order for this assembly.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class UseMiddlewareAttribute : Attribute
{
    /// <summary>Adds <paramref name="middleware"/> to this assembly's pipelines.</summary>
    /// <param name="middleware">A middleware class, open generic where it is generic.</param>
    public UseMiddlewareAttribute(Type middleware) => Middleware = middleware;

    /// <summary>The middleware class.</summary>
    public Type Middleware { get; }

    /// <summary>When set, replaces the order declared on the class (lower is outer).</summary>
    public int Order { get; set; }
}
