using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>Turns Roslyn type symbols into <see cref="TypeRef"/> trees: the one place generated code's type text comes from.</summary>
internal static class TypeRefFactory
{
    private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(
            SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// The compiler's text for a type, for people (diagnostic messages, doc comments): it names error types too.
    /// Generated code takes its text from <see cref="TryCreate"/> instead.
    /// </summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(s_fullName);

    /// <summary>
    /// Describes <paramref name="type"/>, or returns false when generated code must not name it: it is, or is built on,
    /// a type that does not resolve or that a syntax error left without a name, its own or a namespace's
    /// (<see cref="BrokenTypes"/>: the compiler reports those; the declaration is left out so that one user error
    /// does not become many in generated files), a pointer or function pointer (never a type argument, so never a
    /// message, result or constraint), or a type C# cannot name (<see cref="ISymbol.CanBeReferencedByName"/>).
    /// </summary>
    public static bool TryCreate(ITypeSymbol type, out TypeRef typeRef)
    {
        var created = SymbolCache.TypeRef(type, s_create);
        typeRef = created!;
        return created is not null;
    }

    /// <summary>
    /// <see cref="TryCreate"/> for a type of a declaration already checked with <see cref="BrokenTypes"/> (so not one the
    /// compiler rejects): a refusal then means C# cannot name the type in generated code, which the user should hear.
    /// </summary>
    /// <exception cref="UnsupportedTypeException">Generated code cannot name the type.</exception>
    public static TypeRef CreateNameable(ITypeSymbol type)
        => TryCreate(type, out var typeRef)
            ? typeRef
            : throw new UnsupportedTypeException($"generated code cannot name '{type.ToDisplayString()}'");

    /// <summary>The type's code text (<see cref="TypeRef.Display"/>), or null when <see cref="TryCreate"/> refuses it.</summary>
    public static string? CodeText(ITypeSymbol type) => TryCreate(type, out var typeRef) ? typeRef.Display : null;

    /// <summary>
    /// The <c>global::</c> name of a named type without type arguments, every segment escaped (<c>global::App.@event</c>),
    /// for a type whose containers are not generic; a keyword for the types C# has one for.
    /// </summary>
    public static string QualifiedName(INamedTypeSymbol type)
    {
        if (Keyword(type) is { } keyword)
        {
            return keyword;
        }

        var segments = new List<string>();
        var outermost = type;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            segments.Add(Identifiers.Escape(current.Name));
            outermost = current;
        }

        for (var ns = outermost.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            segments.Add(Identifiers.Escape(ns.Name));
        }

        segments.Reverse();
        return "global::" + string.Join(".", segments);
    }

    private static readonly System.Func<ITypeSymbol, TypeRef?> s_create = CreateWithNature;

    private static TypeRef? CreateWithNature(ITypeSymbol type)
        => CreateCore(type) is { } created
            ? created with { Nature = type.IsValueType ? TypeNature.ValueType : type.IsReferenceType ? TypeNature.ReferenceType : TypeNature.Unknown }
            : null;

    private static TypeRef? CreateCore(ITypeSymbol type)
    {
        // Annotations count only on reference types: on a value type '?' is Nullable<T>, its own kind below.
        var annotated = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        switch (type)
        {
            case IErrorTypeSymbol:
                return null;

            case ITypeParameterSymbol parameter:
                return TypeRef.Parameter(parameter.Name) with { IsNullableAnnotated = annotated };

            case IDynamicTypeSymbol:
                return TypeRef.DynamicType with { IsNullableAnnotated = annotated };

            case IArrayTypeSymbol array:
                return TryCreate(array.ElementType, out var element)
                    ? TypeRef.ArrayOf(element, array.Rank) with { IsNullableAnnotated = annotated }
                    : null;

            case INamedTypeSymbol named when (named.CanBeReferencedByName || named.IsTupleType) && !BrokenTypes.IsNameless(named):
                return CreateNamed(named, annotated);

            default:
                // Pointers and function pointers cannot be type arguments, so they are never a message, a result or a
                // constraint; types without a C# name cannot be written at all.
                return null;
        }
    }

    private static TypeRef? CreateNamed(INamedTypeSymbol named, bool annotated)
    {
        // ValueTuple and ValueTuple<T> are tuple types to Roslyn too, but C# has no syntax for them: printed by name.
        if (named.IsTupleType && named.TupleElements.Length >= 2)
        {
            return CreateTuple(named.TupleElements);
        }

        if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return TryCreate(named.TypeArguments[0], out var underlying) ? TypeRef.NullableOf(underlying) : null;
        }

        if (!TryCreateAll(named.TypeArguments, out var arguments))
        {
            return null;
        }

        if (SymbolFacts.GenericContainerOrSelf(named.ContainingType) is null)
        {
            return new TypeRef(TypeRefKind.Named, QualifiedName(named), arguments, annotated);
        }

        // Nested in a constructed generic type: Outer<int>.Inner<string> is the container, a dot, then the simple name.
        return TryCreate(named.ContainingType!, out var container)
            ? new TypeRef(TypeRefKind.Named, Identifiers.Escape(named.Name), arguments, annotated, container)
            : null;
    }

    private static TypeRef? CreateTuple(ImmutableArray<IFieldSymbol> elements)
    {
        var types = new TypeRef[elements.Length];
        var names = new string[elements.Length];
        var anyName = false;
        for (var i = 0; i < elements.Length; i++)
        {
            if (!TryCreate(elements[i].Type, out types[i]))
            {
                return null;
            }

            // An unnamed element still has a field name (Item1); only names written in source are part of the type.
            names[i] = elements[i].IsExplicitlyNamedTupleElement ? Identifiers.Escape(elements[i].Name) : string.Empty;
            anyName |= names[i].Length > 0;
        }

        return TypeRef.TupleOf(types.ToEquatableArray(), anyName ? names.ToEquatableArray() : EquatableArray<string>.Empty);
    }

    private static bool TryCreateAll(ImmutableArray<ITypeSymbol> types, out EquatableArray<TypeRef> created)
    {
        if (types.IsEmpty)
        {
            created = EquatableArray<TypeRef>.Empty;
            return true;
        }

        var items = new TypeRef[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            if (!TryCreate(types[i], out items[i]))
            {
                created = default;
                return false;
            }
        }

        created = items.ToEquatableArray();
        return true;
    }

    /// <summary>The keyword C# has for a type (<c>int</c>, <c>string</c>, <c>nint</c>), or null.</summary>
    private static string? Keyword(INamedTypeSymbol type)
    {
        if (type.IsNativeIntegerType)
        {
            return type.SpecialType == SpecialType.System_UIntPtr ? "nuint" : "nint";
        }

        return type.SpecialType switch
        {
            SpecialType.System_Object => TypeRef.ObjectKeyword,
            SpecialType.System_Void => "void",
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Char => "char",
            SpecialType.System_SByte => "sbyte",
            SpecialType.System_Byte => "byte",
            SpecialType.System_Int16 => "short",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int32 => "int",
            SpecialType.System_UInt32 => "uint",
            SpecialType.System_Int64 => "long",
            SpecialType.System_UInt64 => "ulong",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            SpecialType.System_String => "string",
            _ => null,
        };
    }

    /// <summary>
    /// Rejects a middleware contract argument or constraint type that mentions a type parameter where planning does
    /// not look for one: inside an array or pointer, or in the containing type of a nested type. Matching binds type
    /// parameters through type arguments, tuples and nullable value types only (MED0009 documents the limit). Types
    /// that are only closed, never matched (constructor parameters), may mention type parameters anywhere.
    /// </summary>
    /// <exception cref="UnsupportedTypeException">The type has such a type parameter.</exception>
    public static void RequireMatchable(ITypeSymbol type)
    {
        if (HasUnmatchableTypeParameter(type))
        {
            throw new UnsupportedTypeException(
                $"'{type.ToDisplayString()}' uses a type parameter inside an array, pointer or nested generic type, which the generator cannot match against messages");
        }
    }

    private static bool HasUnmatchableTypeParameter(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => ContainsTypeParameter(array.ElementType),
        IPointerTypeSymbol pointer => ContainsTypeParameter(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasUnmatchableTypeParameter)
            || (named.ContainingType is { } container && ContainsTypeParameter(container)),
        _ => false,
    };

    private static bool ContainsTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => ContainsTypeParameter(array.ElementType),
        IPointerTypeSymbol pointer => ContainsTypeParameter(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsTypeParameter)
            || (named.ContainingType is { } container && ContainsTypeParameter(container)),
        _ => false,
    };
}
