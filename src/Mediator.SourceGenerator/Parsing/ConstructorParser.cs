using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Finds a per-message configured middleware: one whose constructor takes an attribute. Its constructor parameters are
/// described so that generated code can build it for each pipeline; any other middleware stays container-resolved.
/// </summary>
internal static class ConstructorParser
{
    /// <summary>
    /// The parameters of the public constructor with the most parameters, when one of them is an attribute; else empty.
    /// The caller has left out a middleware whose constructors name a type the compiler rejects (<see cref="BrokenTypes"/>).
    /// </summary>
    /// <exception cref="UnsupportedTypeException">A parameter is a ref struct or a pointer, which generated code cannot take from the container.</exception>
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

        var parameters = new List<ConstructorParameterSpec>();
        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.Type.IsRefLikeType || parameter.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol)
            {
                throw new UnsupportedTypeException(
                    $"its constructor takes '{parameter.Type.ToDisplayString()}' ('{parameter.Name}'), a ref struct or pointer, which the generated code cannot take from the container to build it for each message");
            }

            parameters.Add(Describe(parameter, TypeRefFactory.CreateNameable(parameter.Type)));
        }

        return parameters.ToEquatableArray();
    }

    private static ConstructorParameterSpec Describe(IParameterSymbol parameter, TypeRef type)
    {
        var nullable = parameter.Type.NullableAnnotation == NullableAnnotation.Annotated;
        if (KnownTypes.IsAttributeClass(parameter.Type))
        {
            // An attribute class is a reference type: annotating it is what makes the argument optional.
            var optional = nullable || (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null);
            return new ConstructorParameterSpec(optional ? type with { IsNullableAnnotated = true } : type, optional ? ParameterSource.OptionalAttribute : ParameterSource.Attribute);
        }

        if (KnownTypes.IsHandlerIdentity(parameter.Type))
        {
            return new ConstructorParameterSpec(type with { IsNullableAnnotated = true }, ParameterSource.Handler);
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
