namespace Mediator.SourceGenerator.Model;

/// <summary>
/// A type as a small tree of strings and enums, made from a Roslyn symbol by <c>TypeRefFactory</c>. Planning unifies
/// middleware contracts and generic constraints with message types on this tree, and the emitters print it.
/// </summary>
/// <remarks>
/// Why a tree with a kind per C# type form, and not the compiler's display string: planning must look inside
/// <c>int?</c>, tuples and nested types of generic types to bind a middleware's type parameters, so the structure is
/// needed anyway; printing from the same structure means text and matching cannot disagree, and each form has exactly
/// one printing rule (<see cref="TypeRefText"/>). The earlier design kept a display string per node and appended type
/// arguments to it, which printed <c>int?&lt;int&gt;</c> and <c>(int, string)&lt;int, string&gt;</c>.
/// Error types, pointers and function pointers have no <see cref="TypeRef"/>: they never reach generated code.
/// </remarks>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Name">
/// For <see cref="TypeRefKind.Named"/>: the <c>global::</c> qualified name (escaped) or keyword, or the escaped simple
/// name when <paramref name="Container"/> is set. For <see cref="TypeRefKind.TypeParameter"/>: the parameter's name.
/// Empty for the other kinds.
/// </param>
/// <param name="Arguments">Type arguments (named), the element (array), the underlying type (nullable), the elements (tuple).</param>
/// <param name="IsNullableAnnotated">A nullable reference annotation (<c>string?</c>): printed in declarations, ignored when matching.</param>
/// <param name="Container">The constructed containing type of a type nested in a generic type (<c>Outer&lt;int&gt;</c> in <c>Outer&lt;int&gt;.Inner</c>).</param>
/// <param name="Rank">Dimensions of an array (<c>int[,]</c> has 2); 0 for the other kinds.</param>
/// <param name="ElementNames">Tuple element names, escaped, empty where an element has none; empty when none has one.</param>
/// <param name="Nature">
/// Whether the type is a value or a reference type, when known (<see cref="TypeNature.Unknown"/> for type parameters):
/// planning judges <c>struct</c> and <c>class</c> constraints on a part of a type by it (<c>TValue</c> in
/// <c>TValue?</c>). A fact about the type, not part of its identity: <see cref="Equals(TypeRef?)"/> ignores it.
/// </param>
internal sealed record TypeRef(
    TypeRefKind Kind,
    string Name,
    EquatableArray<TypeRef> Arguments,
    bool IsNullableAnnotated,
    TypeRef? Container = null,
    int Rank = 0,
    EquatableArray<string> ElementNames = default,
    TypeNature Nature = TypeNature.Unknown)
{
    /// <summary>The name of <c>object</c>, which <c>dynamic</c> is to the runtime.</summary>
    public const string ObjectKeyword = "object";

    /// <summary>A named type by its <c>global::</c> name or keyword, with type arguments.</summary>
    public static TypeRef Named(string name, params TypeRef[] arguments)
        => new(TypeRefKind.Named, name, arguments.ToEquatableArray(), false);

    /// <summary>A type parameter of the middleware being described.</summary>
    public static TypeRef Parameter(string name) => new(TypeRefKind.TypeParameter, name, EquatableArray<TypeRef>.Empty, false);

    /// <summary>An array of <paramref name="element"/> with <paramref name="rank"/> dimensions.</summary>
    public static TypeRef ArrayOf(TypeRef element, int rank) => new(TypeRefKind.Array, string.Empty, new[] { element }.ToEquatableArray(), false, Rank: rank);

    /// <summary><c>T?</c> over the value type <paramref name="underlying"/>.</summary>
    public static TypeRef NullableOf(TypeRef underlying) => new(TypeRefKind.Nullable, string.Empty, new[] { underlying }.ToEquatableArray(), false);

    /// <summary>A tuple of two or more elements; <paramref name="names"/> is empty, or has a name (or "") per element.</summary>
    public static TypeRef TupleOf(EquatableArray<TypeRef> elements, EquatableArray<string> names)
        => new(TypeRefKind.Tuple, string.Empty, elements, false, ElementNames: names);

    /// <summary><c>dynamic</c>.</summary>
    public static TypeRef DynamicType { get; } = new(TypeRefKind.Dynamic, "dynamic", EquatableArray<TypeRef>.Empty, false);

    /// <summary>Whether this tree mentions a type parameter anywhere.</summary>
    public bool IsOpen => Kind == TypeRefKind.TypeParameter || Arguments.Any(a => a.IsOpen) || Container?.IsOpen == true;

    /// <summary>The element of an array, the underlying type of a nullable value type.</summary>
    public TypeRef Element => Arguments[0];

    /// <summary>C# source text for the type as declared: nullable annotations, tuple element names and <c>dynamic</c> kept.</summary>
    public string Display => TypeRefText.Print(this, TypeRefText.Options.Declaration);

    /// <summary>
    /// The text for a <c>typeof</c> operand: C# rejects <c>typeof(string?)</c> (CS8639) and <c>typeof(dynamic)</c>
    /// (CS1962), so neither annotations nor <c>dynamic</c> (written <c>object</c>, the same runtime type) appear; tuple
    /// names are dropped as they mean nothing to a <c>System.Type</c>.
    /// </summary>
    public string TypeOfOperand => TypeRefText.Print(this, TypeRefText.Options.TypeOf);

    /// <summary>
    /// The text for a type argument of an interface or base class that generated code implements or derives from: C#
    /// rejects an interface built on <c>dynamic</c> (CS1966), so <c>dynamic</c> is written <c>object</c>, which converts
    /// to and from it by identity; nullable annotations stay, as the middleware's constraints expect them.
    /// </summary>
    public string BaseListDisplay => TypeRefText.Print(this, TypeRefText.Options.BaseList);

    /// <summary>
    /// Not C#: every position in generated code must choose <see cref="Display"/>, <see cref="TypeOfOperand"/> or
    /// <see cref="BaseListDisplay"/>, and a <see cref="TypeRef"/> concatenated into code by mistake fails to compile in
    /// every test instead of printing the wrong one of them.
    /// </summary>
    public override string ToString() => "\u27E6" + Display + "\u27E7";

    /// <summary>The same type without a nullable annotation on the outermost node (a request type is never "nullable").</summary>
    public TypeRef WithoutOuterAnnotation => IsNullableAnnotated ? this with { IsNullableAnnotated = false } : this;

    /// <summary>
    /// The type's identity as the runtime sees it, used for matching, keys and pipeline names: no nullable annotations,
    /// no tuple element names, <c>dynamic</c> as <c>object</c>, <c>nint</c>/<c>nuint</c> as <c>System.IntPtr</c>/<c>System.UIntPtr</c>.
    /// Two types C# converts between by identity have equal erasures.
    /// </summary>
    /// <remarks>Nearly every type is its own erasure (equal by value); it is then returned without copies.</remarks>
    public TypeRef Erased => IsErased ? this : Erase();

    private TypeRef Erase()
    {
        var node = this;
        if (Kind == TypeRefKind.Dynamic)
        {
            node = Named(ObjectKeyword) with { Nature = TypeNature.ReferenceType };
        }
        else if (Kind == TypeRefKind.Named && TypeRefText.NativeIntegerIdentity(Name) is { } identity)
        {
            node = this with { Name = identity };
        }

        return node with
        {
            IsNullableAnnotated = false,
            ElementNames = EquatableArray<string>.Empty,
            Arguments = node.Arguments.Select(a => a.Erased).ToEquatableArray(),
            Container = node.Container?.Erased,
        };
    }

    /// <summary>Identity: every member but <see cref="Nature"/>, which follows from it.</summary>
    public bool Equals(TypeRef? other)
        => other is not null
            && Kind == other.Kind
            && IsNullableAnnotated == other.IsNullableAnnotated
            && Rank == other.Rank
            && string.Equals(Name, other.Name, System.StringComparison.Ordinal)
            && Arguments.Equals(other.Arguments)
            && ElementNames.Equals(other.ElementNames)
            && Equals(Container, other.Container);

    /// <summary>A hash of the members <see cref="Equals(TypeRef?)"/> compares (element names left out: they are rare).</summary>
    public override int GetHashCode()
    {
        var hash = ((int)Kind * 31) + System.StringComparer.Ordinal.GetHashCode(Name);
        hash = unchecked((hash * 31) + Arguments.GetHashCode());
        hash = unchecked((hash * 31) + Rank);
        hash = unchecked((hash * 31) + (IsNullableAnnotated ? 1 : 0));
        return unchecked((hash * 31) + (Container?.GetHashCode() ?? 0));
    }

    private bool IsErased
    {
        get
        {
            if (IsNullableAnnotated
                || ElementNames.Count > 0
                || Kind == TypeRefKind.Dynamic
                || (Kind == TypeRefKind.Named && TypeRefText.NativeIntegerIdentity(Name) is not null)
                || (Container is not null && !Container.IsErased))
            {
                return false;
            }

            foreach (var argument in Arguments)
            {
                if (!argument.IsErased)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
