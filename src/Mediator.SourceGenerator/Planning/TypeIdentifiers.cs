using System.Globalization;
using System.Text;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Planning;

/// <summary>
/// Identifier fragments made from a type, for the names of generated pipeline classes (and so their fields, helper
/// methods and file names). Built from the <see cref="TypeRef"/> tree, one rule per form, so that types that print
/// differently get different fragments: <c>Wrap&lt;int&gt;</c> gives <c>Wrap_int</c>, <c>Wrap&lt;int?&gt;</c>
/// <c>Wrap_Nullable_int</c>, <c>Wrap&lt;(int, string)&gt;</c> <c>Wrap_ValueTuple_int_string</c>, <c>Wrap&lt;int[,]&gt;</c>
/// <c>Wrap_int_Array2D</c>. Only letters, digits and '_' are written, so every fragment is a valid identifier tail and
/// a valid file name part.
/// </summary>
internal static class TypeIdentifiers
{
    /// <summary>The type's own name and its type arguments: <c>Ping</c>, <c>Wrap_int</c>.</summary>
    public static string Simple(TypeRef type) => Sanitize(Write(new StringBuilder(), type.Erased, qualified: false).ToString());

    /// <summary>With the namespace and containing types: <c>App_Orders_Ping</c>, for types whose simple names clash.</summary>
    public static string Qualified(TypeRef type) => Sanitize(Write(new StringBuilder(), type.Erased, qualified: true).ToString());

    private static StringBuilder Write(StringBuilder builder, TypeRef type, bool qualified)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Array:
                Write(builder, type.Element, qualified).Append("_Array");
                return type.Rank > 1 ? builder.Append(type.Rank.ToString(CultureInfo.InvariantCulture)).Append('D') : builder;
            case TypeRefKind.Nullable:
                return Write(builder.Append("Nullable_"), type.Element, qualified);
            case TypeRefKind.Tuple:
                builder.Append("ValueTuple");
                foreach (var element in type.Arguments)
                {
                    Write(builder.Append('_'), element, qualified);
                }

                return builder;
            default:
                if (qualified && type.Container is { } container)
                {
                    Write(builder, container, qualified).Append('_');
                }

                builder.Append(qualified ? type.Name.Replace("global::", string.Empty) : LastSegment(type.Name));
                foreach (var argument in type.Arguments)
                {
                    Write(builder.Append('_'), argument, qualified);
                }

                return builder;
        }
    }

    /// <summary>After the last '.' or, for a type in the global namespace, after <c>global::</c>.</summary>
    private static string LastSegment(string name) => name.Substring(name.LastIndexOfAny(new[] { '.', ':' }) + 1);

    /// <summary>
    /// Letters, digits and '_' kept (the '@' of an escaped keyword and the dots dropped), every other run of characters
    /// one '_'; a leading digit gets a '_' before it.
    /// </summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else if (c != '@' && builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        var result = builder.ToString().TrimEnd('_');
        return result.Length == 0 || char.IsDigit(result[0]) ? "_" + result : result;
    }
}
