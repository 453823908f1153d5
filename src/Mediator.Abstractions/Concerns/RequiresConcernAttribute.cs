using System;

namespace Mediator;

/// <summary>
/// Declares that messages asking for something need a middleware that provides <see cref="Concern"/> in their pipeline.
/// Put it on an attribute class (a message carrying that attribute asks, for example <c>[Authorize]</c>) or on an
/// interface (a message implementing it asks). The generator reports every message whose resolved pipeline has no
/// middleware with that <see cref="MiddlewareAttribute.Concern"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface, AllowMultiple = true, Inherited = false)]
public sealed class RequiresConcernAttribute : Attribute
{
    /// <summary>Messages that ask need a middleware providing <paramref name="concern"/>.</summary>
    /// <param name="concern">A concern name, see <see cref="Concerns"/>.</param>
    public RequiresConcernAttribute(string concern) => Concern = concern;

    /// <summary>The concern a message asks for.</summary>
    public string Concern { get; }

    /// <summary>Warning (the default) or error when the concern's middleware is missing.</summary>
    public RuleSeverity Severity { get; set; }
}
