namespace Mediator.SourceGenerator.Model;

/// <summary>
/// What a <see cref="TypeRef"/> node stands for. Each form C# writes with its own syntax (<c>int?</c>,
/// <c>(int, string)</c>, <c>int[,]</c>, <c>Outer&lt;int&gt;.Inner</c>, <c>dynamic</c>) is a kind of its own, so that
/// <see cref="TypeRefText"/> has exactly one printing rule per form and planning can match inside each of them.
/// </summary>
internal enum TypeRefKind
{
    /// <summary>
    /// A class, struct, interface, enum or delegate, possibly generic. <see cref="TypeRef.Name"/> is its <c>global::</c>
    /// name without type arguments (or a keyword: <c>int</c>, <c>string</c>, <c>object</c>, <c>nint</c>); for a type
    /// nested in a generic type it is the escaped simple name, and <see cref="TypeRef.Container"/> is the constructed
    /// containing type.
    /// </summary>
    Named,

    /// <summary>A type parameter of the middleware being described: <see cref="TypeRef.Name"/> is its name.</summary>
    TypeParameter,

    /// <summary>An array: <see cref="TypeRef.Arguments"/> holds the element type, <see cref="TypeRef.Rank"/> its dimensions.</summary>
    Array,

    /// <summary>A nullable value type <c>T?</c> (<c>System.Nullable&lt;T&gt;</c>): <see cref="TypeRef.Arguments"/> holds <c>T</c>.</summary>
    Nullable,

    /// <summary>
    /// A tuple of two or more elements: <see cref="TypeRef.Arguments"/> holds every element (past the seventh too),
    /// <see cref="TypeRef.ElementNames"/> their names.
    /// </summary>
    Tuple,

    /// <summary><c>dynamic</c>: <c>object</c> to the runtime, but not allowed where C# wants a real type (<c>typeof</c>, base lists).</summary>
    Dynamic,
}

/// <summary>What a type is to <c>struct</c> and <c>class</c> constraints, as far as its <see cref="TypeRef"/> records it.</summary>
internal enum TypeNature
{
    /// <summary>Not recorded: a type parameter, or a type written by hand.</summary>
    Unknown,

    /// <summary>A value type (a nullable value type too: its <see cref="TypeRefKind.Nullable"/> kind tells it apart).</summary>
    ValueType,

    /// <summary>A reference type.</summary>
    ReferenceType,
}
