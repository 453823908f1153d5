using System.Collections.Generic;
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
    /// <summary>
    /// The parameters of the public constructor with the most parameters, when one of them is an attribute; else empty.
    /// Null when a parameter's type does not resolve: the compiler reports it, and generated code that built the
    /// middleware would repeat the error, so the middleware is left out until it is fixed.
    /// </summary>
    /// <exception cref="UnsupportedTypeException">A parameter's type cannot be written by generated code (a pointer).</exception>
    public static EquatableArray<ConstructorParameterSpec>? Parse(INamedTypeSymbol symbol)
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
            if (!TypeRefFactory.TryCreate(parameter.Type, out var type))
            {
                return TypeRefFactory.ContainsErrorType(parameter.Type)
                    ? null
                    : throw new UnsupportedTypeException(
                        $"its constructor takes '{parameter.Type.ToDisplayString()}' ('{parameter.Name}'), which generated code cannot pass");
            }

            parameters.Add(Describe(parameter, type));
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

        if (parameter.HasExplicitDefaultValue)
        {
            return new ConstructorParameterSpec(type, ParameterSource.OptionalService, AttributeLiteral.DefaultValue(parameter.ExplicitDefaultValue, parameter.Type));
        }

        return nullable
            ? new ConstructorParameterSpec(type, ParameterSource.OptionalService, "null")
            : new ConstructorParameterSpec(type, ParameterSource.Service);
    }
}
