using System;
using System.Linq;

namespace Mediator.SourceGenerator.Model;

/// <summary>What a <see cref="TypeRef"/> stands for.</summary>
internal enum TypeRefKind
{
    /// <summary>A named type, possibly generic: <see cref="TypeRef.Name"/> is its <c>global::</c> name without type arguments.</summary>
    Named,

    /// <summary>A type parameter of the middleware being described: <see cref="TypeRef.Name"/> is its name.</summary>
    TypeParameter,

    /// <summary>A closed type that is compared as a whole (arrays, pointers, members of generic types).</summary>
    Opaque,
}

/// <summary>
/// A type as a small tree of strings, so that planning can unify middleware contracts and generic constraints
/// with message types without touching Roslyn symbols.
/// </summary>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Name">The <c>global::</c> qualified name, the type parameter's name, or the opaque display string.</param>
/// <param name="Arguments">Type arguments of a named generic type.</param>
/// <param name="IsNullableAnnotated">A nullable reference annotation (<c>string?</c>): kept for emission, ignored when matching.</param>
internal sealed record TypeRef(TypeRefKind Kind, string Name, EquatableArray<TypeRef> Arguments, bool IsNullableAnnotated)
{
    public static TypeRef Named(string name, params TypeRef[] arguments)
        => new(TypeRefKind.Named, name, arguments.ToEquatableArray(), false);

    public static TypeRef Parameter(string name) => new(TypeRefKind.TypeParameter, name, EquatableArray<TypeRef>.Empty, false);

    /// <summary>Whether this tree mentions a type parameter anywhere.</summary>
    public bool IsOpen => Kind == TypeRefKind.TypeParameter || Arguments.Any(a => a.IsOpen);

    /// <summary>C# source text for the type, with its nullable annotation.</summary>
    public string Display
    {
        get
        {
            var text = Kind == TypeRefKind.Named && Arguments.Count > 0
                ? Name + "<" + string.Join(", ", Arguments.Select(a => a.Display)) + ">"
                : Name;
            return IsNullableAnnotated && !text.EndsWith("?", StringComparison.Ordinal) ? text + "?" : text;
        }
    }

    /// <summary>The same type without nullable annotations anywhere: the identity used for matching.</summary>
    /// <remarks>Nearly every type has no annotation at all; it is then its own erasure (equal by value), without copies.</remarks>
    public TypeRef Erased => HasNullableAnnotation
        ? this with
        {
            IsNullableAnnotated = false,
            Arguments = Arguments.Select(a => a.Erased).ToEquatableArray(),
        }
        : this;

    private bool HasNullableAnnotation
    {
        get
        {
            if (IsNullableAnnotated)
            {
                return true;
            }

            foreach (var argument in Arguments)
            {
                if (argument.HasNullableAnnotation)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public override string ToString() => Display;
}
