namespace Mediator.SourceGenerator.Model;

/// <summary>Where a per-message middleware's constructor argument comes from.</summary>
internal enum ParameterSource
{
    /// <summary>The container, required.</summary>
    Service = 0,

    /// <summary>The container when registered, else the parameter's default (nullable or defaulted parameters).</summary>
    OptionalService = 1,

    /// <summary>The message's attribute, rebuilt from its constant arguments; the middleware wraps only messages that carry it.</summary>
    Attribute = 2,

    /// <summary>The message's attribute or null: does not restrict which messages the middleware wraps.</summary>
    OptionalAttribute = 3,

    /// <summary>
    /// A <c>Mediator.HandlerIdentity</c> naming the notification handler the instance wraps; null on requests and
    /// streams, whose one instance serves their one handler.
    /// </summary>
    Handler = 4,
}

/// <summary>
/// A constructor parameter of a middleware that takes an attribute (a per-message configured middleware, built by
/// generated code for each pipeline rather than resolved from the container).
/// </summary>
/// <param name="Type">The parameter type, possibly mentioning the middleware's type parameters (closed per pipeline by planning).</param>
/// <param name="Source">Where its value comes from.</param>
/// <param name="Fallback">
/// For optional services, the C# expression used when the container has none; null for <c>default</c> of the
/// parameter type, which planning writes once the type is closed.
/// </param>
internal sealed record ConstructorParameterSpec(TypeRef Type, ParameterSource Source, string? Fallback = null)
{
    public bool IsAttribute => Source is ParameterSource.Attribute or ParameterSource.OptionalAttribute;
}

/// <summary>One constructor argument of a per-message middleware in one pipeline.</summary>
/// <param name="Source">Where it comes from.</param>
/// <param name="Type">The parameter type in generated code, closed over the pipeline's message and result.</param>
/// <param name="Expression">The rebuilt attribute (or <c>null</c>) for attribute parameters; the fallback for optional services.</param>
internal sealed record StepArgument(ParameterSource Source, string Type, string? Expression);

/// <summary>An attribute a message type (or one of its base classes), or a notification handler class, carries, as planning needs it.</summary>
/// <param name="Types">
/// The attribute class and its base classes, as <see cref="TypeRef.Erased"/> text: a parameter of any of these types
/// receives it.
/// </param>
/// <param name="Construction">A C# expression that rebuilds it from the constant arguments written on the message.</param>
internal sealed record MessageAttributeSpec(EquatableArray<string> Types, string Construction);
