using System.Linq;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Finds a per-message configured middleware: one whose constructor takes an attribute. Its constructor parameters are
/// described so that generated code can build it for each pipeline; any other middleware stays container-resolved.
/// </summary>
internal static class ConstructorParser
{
    /// <summary>The parameters of the public constructor with the most parameters, when one of them is an attribute; else empty.</summary>
    /// <exception cref="UnsupportedTypeException">A parameter of that constructor is a ref struct or a pointer, or names a type parameter.</exception>
    public static EquatableArray<ConstructorParameterSpec> Parse(INamedTypeSymbol symbol)
    {
        var constructor = symbol.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (constructor is null || !constructor.Parameters.Any(p => KnownTypes.IsAttributeClass(p.Type)))
        {
            return EquatableArray<ConstructorParameterSpec>.Empty;
        }

        if (constructor.Parameters.FirstOrDefault(p => p.Type.IsRefLikeType || p.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol) is { } unpassable)
        {
            throw new UnsupportedTypeException(
                $"its constructor takes '{unpassable.Type.ToDisplayString()}', a ref struct or pointer, which the generated code cannot take from the container to build it for each message");
        }

        if (constructor.Parameters.FirstOrDefault(p => MentionsTypeParameter(p.Type)) is { } open)
        {
            throw new UnsupportedTypeException(
                $"its constructor takes '{open.Type.ToDisplayString()}', which names a type parameter of the middleware; the generated code builds it for each message from the container and can name only closed types there, so take the service through a non-generic type");
        }

        return constructor.Parameters.Select(Describe).ToEquatableArray();
    }

    private static bool MentionsTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => MentionsTypeParameter(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(MentionsTypeParameter) || (named.ContainingType is { } container && MentionsTypeParameter(container)),
        _ => false,
    };

    private static ConstructorParameterSpec Describe(IParameterSymbol parameter)
    {
        var type = TypeRefFactory.Display(parameter.Type);
        var nullable = parameter.Type.NullableAnnotation == NullableAnnotation.Annotated;
        if (KnownTypes.IsAttributeClass(parameter.Type))
        {
            var optional = nullable || (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null);
            return new ConstructorParameterSpec(optional && !type.EndsWith("?") ? type + "?" : type, optional ? ParameterSource.OptionalAttribute : ParameterSource.Attribute);
        }

        if (parameter.HasExplicitDefaultValue)
        {
            return new ConstructorParameterSpec(type, ParameterSource.OptionalService, AttributeLiteral.DefaultValue(parameter.ExplicitDefaultValue, parameter.Type));
        }

        return nullable
            ? new ConstructorParameterSpec(type, ParameterSource.OptionalService, "null")
            : new ConstructorParameterSpec(type, ParameterSource.Service);
    }
}
