using System.Linq;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Turns Roslyn type symbols into <see cref="TypeRef"/> trees.</summary>
internal static class TypeRefFactory
{
    private static readonly SymbolDisplayFormat s_nameWithoutTypeArguments =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None);

    private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(
            SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The C# text for a closed type, with nullable annotations, as written in generated code.</summary>
    public static string Display(ITypeSymbol type) => type.ToDisplayString(s_fullName);

    /// <exception cref="UnsupportedTypeException">The type mentions a type parameter in a shape planning cannot match.</exception>
    public static TypeRef Create(ITypeSymbol type) => SymbolCache.TypeRef(type, s_create);

    private static readonly System.Func<ITypeSymbol, TypeRef> s_create = CreateCore;

    private static TypeRef CreateCore(ITypeSymbol type)
    {
        var annotated = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
        switch (type)
        {
            case ITypeParameterSymbol parameter:
                return TypeRef.Parameter(parameter.Name) with { IsNullableAnnotated = annotated };

            case INamedTypeSymbol named when named.IsTupleType && named.TupleUnderlyingType is { } underlying
                && !SymbolEqualityComparer.Default.Equals(underlying, named):
                return Create(underlying) with { IsNullableAnnotated = annotated };

            case INamedTypeSymbol named when SymbolFacts.GenericContainerOrSelf(named.ContainingType) is null:
                var arguments = named.TypeArguments.Select(Create).ToEquatableArray();
                return new TypeRef(TypeRefKind.Named, named.ToDisplayString(s_nameWithoutTypeArguments), arguments, annotated);

            default:
                if (ContainsTypeParameter(type))
                {
                    throw new UnsupportedTypeException(
                        $"'{type.ToDisplayString()}' uses a type parameter inside an array, pointer or nested generic type, which the generator cannot match against messages");
                }

                return new TypeRef(TypeRefKind.Opaque, Display(type), EquatableArray<TypeRef>.Empty, false);
        }
    }

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
