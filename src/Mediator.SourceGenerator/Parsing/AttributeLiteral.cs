using System.Globalization;
using Mediator.SourceGenerator.Symbols;
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

        if (TypeRefFactory.CodeText(type) is not { } typeText)
        {
            return null;
        }

        var text = "new " + typeText + "(" + string.Join(", ", arguments) + ")";
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
            var element = TypeRefFactory.CodeText(((IArrayTypeSymbol)constant.Type!).ElementType);
            return element is null || items.Any(i => i is null)
                ? null
                : "new " + element + "[] { " + string.Join(", ", items) + " }";
        }

        if (constant.IsNull)
        {
            return "null";
        }

        return constant.Kind switch
        {
            TypedConstantKind.Type => TypeOf((ITypeSymbol)constant.Value!),
            TypedConstantKind.Enum => TypeRefFactory.CodeText(constant.Type!) is { } enumType ? "(" + enumType + ")(" + Number(constant.Value!) + ")" : null,
            _ => Primitive(constant.Value!, constant.Type!),
        };
    }

    /// <summary>
    /// A parameter's default value as C# source; null for <c>null</c> and <c>default</c>, which the caller writes as
    /// <c>default(T)</c> once the parameter type is closed (it may mention the middleware's type parameters).
    /// </summary>
    /// <remarks>A non-null constant's type is an enum or a primitive: never a type parameter, always nameable.</remarks>
    public static string? DefaultValue(object? value, ITypeSymbol type)
    {
        if (value is null)
        {
            return null;
        }

        return type.TypeKind == TypeKind.Enum
            ? "(" + TypeRefFactory.CodeText(type) + ")(" + Number(value) + ")"
            : Primitive(value, type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type);
    }

    private static string? TypeOf(ITypeSymbol type)
    {
        if (type is IErrorTypeSymbol)
        {
            return null;
        }

        if (type is INamedTypeSymbol named && IsUnbound(named))
        {
            return "typeof(" + UnboundName(named) + ")";
        }

        // TypeOfOperand: no annotation, no 'dynamic'; typeof(int?) stays typeof(int?) (Nullable<int>, not int).
        return TypeRefFactory.TryCreate(type, out var typeRef) ? "typeof(" + typeRef.TypeOfOperand + ")" : null;
    }

    /// <summary><c>typeof(Dictionary&lt;,&gt;)</c> or <c>typeof(Outer&lt;&gt;.Inner)</c>: the type or one of its containers is unbound.</summary>
    private static bool IsUnbound(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsUnboundGenericType)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The unbound name with an empty argument list at every generic level (<c>global::App.Outer&lt;&gt;.Inner&lt;,&gt;</c>),
    /// each segment escaped.
    /// </summary>
    private static string UnboundName(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var levels = new System.Collections.Generic.List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = definition; current is not null; current = current.ContainingType)
        {
            levels.Insert(0, current);
        }

        // The outermost level's qualified name carries the namespace; the nested levels add their simple names.
        var builder = new System.Text.StringBuilder(TypeRefFactory.QualifiedName(levels[0]));
        for (var i = 0; i < levels.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('.').Append(Identifiers.Escape(levels[i].Name));
            }

            if (levels[i].Arity > 0)
            {
                builder.Append('<').Append(',', levels[i].Arity - 1).Append('>');
            }
        }

        return builder.ToString();
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
        _ => "(" + TypeRefFactory.CodeText(type) + ")(" + Number(value) + ")",
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
