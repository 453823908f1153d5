namespace Mediator.SourceGenerator.Tests.TypeForms;

/// <summary>What a constraint sees in a type form.</summary>
internal enum FormCategory
{
    /// <summary>Satisfies <c>class</c>: classes, strings, arrays, <c>dynamic</c>, annotated reference types.</summary>
    Reference,

    /// <summary>Satisfies <c>struct</c>: non-nullable value types, tuples.</summary>
    Value,

    /// <summary><c>T?</c> over a value type: satisfies neither <c>class</c> nor <c>struct</c>.</summary>
    NullableValue,
}

/// <summary>
/// A C# type form as the tests write it, independently of the generator: its source text, an expression that makes a
/// non-default value of it, and the facts a test checks the generator's decisions against. Built only through the
/// factories of <see cref="TypeForms"/>, which combine forms as C# does.
/// </summary>
/// <param name="Text">The type as user code writes it.</param>
/// <param name="Value">An expression of exactly this type whose value is never the default.</param>
/// <param name="Identity">The runtime identity (no annotations, no tuple names, dynamic as object), as a key: equal for types C# converts between by identity.</param>
/// <param name="Category">What <c>class</c> and <c>struct</c> constraints see.</param>
/// <param name="HasDynamic">Mentions <c>dynamic</c>: user code cannot implement an interface over it (CS1966), so its messages and handlers take a detour.</param>
/// <param name="ArrayBase">For an array: the text before its rank specifiers (the element, or an annotated element array).</param>
/// <param name="ArraySpecifiers">For an array: its rank specifiers and its unannotated element arrays', outermost first.</param>
/// <param name="IsAnnotated">A nullable reference annotation on the outermost type.</param>
internal sealed record TypeForm(
    string Text,
    string Value,
    string Identity,
    FormCategory Category,
    bool HasDynamic,
    string? ArrayBase = null,
    string? ArraySpecifiers = null,
    bool IsAnnotated = false)
{
    public bool IsArray => ArrayBase is not null;

    /// <summary>How many type nodes the form has: a measure of what a test covers.</summary>
    public int Nodes { get; init; } = 1;

    public override string ToString() => Text;
}
