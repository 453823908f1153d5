using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Writes attribute arguments back as C# source (literals, <c>typeof</c>, enum casts, arrays), so that generated code
/// rebuilds a message's attribute with <c>new</c>: nothing reads attributes at run time.
/// </summary>
internal static class AttributeLiteral
{
    /// <summary><c>new global::X(args) { Named = value }</c>, or null when an argument is in error or cannot be written.</summary>
    public static string? Construction(AttributeData attribute)
    {
        if (attribute.AttributeClass is not { } type || type is IErrorTypeSymbol || attribute.AttributeConstructor is null)
        {
            return null;
        }

        var arguments = attribute.ConstructorArguments.Select(Write).ToList();
        var named = attribute.NamedArguments.Select(a => Write(a.Value) is { } value ? a.Key + " = " + value : null).ToList();
        if (arguments.Any(a => a is null) || named.Any(a => a is null))
        {
            return null;
        }

        var text = "new " + TypeRefFactory.Display(type) + "(" + string.Join(", ", arguments) + ")";
        return named.Count == 0 ? text : text + " { " + string.Join(", ", named) + " }";
    }

    /// <summary>One constant as C# source, or null when it is in error.</summary>
    public static string? Write(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Error || constant.Type is IErrorTypeSymbol)
        {
            return null;
        }

        if (constant.Kind == TypedConstantKind.Array)
        {
            if (constant.IsNull)
            {
                return "null";
            }

            var items = constant.Values.Select(Write).ToList();
            var element = ((IArrayTypeSymbol)constant.Type!).ElementType;
            return items.Any(i => i is null)
                ? null
                : "new " + TypeRefFactory.Display(element) + "[] { " + string.Join(", ", items) + " }";
        }

        if (constant.IsNull)
        {
            return "null";
        }

        return constant.Kind switch
        {
            TypedConstantKind.Type => TypeOf((ITypeSymbol)constant.Value!),
            TypedConstantKind.Enum => "(" + TypeRefFactory.Display(constant.Type!) + ")(" + Number(constant.Value!) + ")",
            _ => Primitive(constant.Value!, constant.Type!),
        };
    }

    /// <summary>A parameter's default value as C# source.</summary>
    public static string DefaultValue(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            // 'Service service = null' on a parameter whose type is not annotated (a nullable warning the user already has,
            // or a file with nullable off): generated code is '#nullable enable', where the same default would warn again.
            var suppress = type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.Annotated ? "!" : string.Empty;
            return "default(" + TypeRefFactory.Display(type) + ")" + suppress;
        }

        return type.TypeKind == TypeKind.Enum
            ? "(" + TypeRefFactory.Display(type) + ")(" + Number(value) + ")"
            : Primitive(value, type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type);
    }

    private static string? TypeOf(ITypeSymbol type)
    {
        if (type is IErrorTypeSymbol)
        {
            return null;
        }

        if (type is INamedTypeSymbol { IsUnboundGenericType: true } unbound)
        {
            var open = unbound.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGenericsOptions(SymbolDisplayGenericsOptions.None));
            return "typeof(" + open + "<" + new string(',', unbound.Arity - 1) + ">)";
        }

        return "typeof(" + TypeRefFactory.Display(type).TrimEnd('?') + ")";
    }

    private static string Primitive(object value, ITypeSymbol type) => value switch
    {
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        bool b => b ? "true" : "false",
        double d when double.IsNaN(d) => "double.NaN",
        double d when double.IsPositiveInfinity(d) => "double.PositiveInfinity",
        double d when double.IsNegativeInfinity(d) => "double.NegativeInfinity",
        float f when float.IsNaN(f) => "float.NaN",
        float f when float.IsPositiveInfinity(f) => "float.PositiveInfinity",
        float f when float.IsNegativeInfinity(f) => "float.NegativeInfinity",
        _ => "(" + TypeRefFactory.Display(type) + ")(" + Number(value) + ")",
    };

    private static string Number(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0",
    };
}
