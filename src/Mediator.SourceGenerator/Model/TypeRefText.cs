using System.Runtime.CompilerServices;
using System.Text;

namespace Mediator.SourceGenerator.Model;

/// <summary>
/// Prints a <see cref="TypeRef"/> as C# source: one rule per <see cref="TypeRefKind"/>, each writing its children
/// through the same printer, so a form nested in any other (a tuple inside a nullable inside an array inside a type
/// argument) prints as it would alone. Names in the tree are already escaped (<c>@event</c>) by <c>TypeRefFactory</c>.
/// </summary>
internal static class TypeRefText
{
    /// <summary>What the printed text keeps; see <see cref="TypeRef.Display"/>, <see cref="TypeRef.TypeOfOperand"/> and <see cref="TypeRef.BaseListDisplay"/>.</summary>
    [Flags]
    internal enum Options
    {
        None = 0,
        Annotations = 1,
        TupleNames = 2,
        Dynamic = 4,
        Declaration = Annotations | TupleNames | Dynamic,
        TypeOf = None,
        BaseList = Annotations | TupleNames,
    }

    /// <summary>
    /// Each type's texts once printed, by type object (a <see cref="TypeRef"/> never changes; <c>with</c> makes another
    /// object). The emitters ask a pipeline's message and result types for their text dozens of times per pipeline: on
    /// 1,000 requests, printing them each time was some 300,000 builders and their strings per first run.
    /// </summary>
    private static readonly ConditionalWeakTable<TypeRef, string?[]> Printed = new();

    /// <summary>The C# text of <paramref name="type"/>, keeping what <paramref name="options"/> says.</summary>
    public static string Print(TypeRef type, Options options)
    {
        var slot = options switch
        {
            Options.Declaration => 0,
            Options.TypeOf => 1,
            Options.BaseList => 2,
            _ => -1,
        };
        if (slot < 0)
        {
            return PrintNew(type, options);
        }

        // Two threads may print the same text at once: either string will do.
        var texts = Printed.GetValue(type, static _ => new string?[3]);
        return texts[slot] ??= PrintNew(type, options);
    }

    private static string PrintNew(TypeRef type, Options options)
    {
        var builder = new StringBuilder();
        Write(builder, type, options);
        return builder.ToString();
    }

    /// <summary>
    /// <c>System.IntPtr</c> for <c>nint</c>, <c>System.UIntPtr</c> for <c>nuint</c>, else null. Before C# 11 (or on
    /// runtimes without numeric <c>IntPtr</c>) the compiler keeps <c>nint</c> and <c>System.IntPtr</c> apart as symbols,
    /// though they are one runtime type; erasure makes them one.
    /// </summary>
    public static string? NativeIntegerIdentity(string name) => name switch
    {
        "nint" => "global::System.IntPtr",
        "nuint" => "global::System.UIntPtr",
        _ => null,
    };

    private static void Write(StringBuilder builder, TypeRef type, Options options)
    {
        switch (type.Kind)
        {
            case TypeRefKind.Array:
                WriteArray(builder, type, options);
                return;
            case TypeRefKind.Nullable:
                // T? for a value type: the underlying type is never itself nullable, and '?' always binds to it.
                Write(builder, type.Element, options);
                builder.Append('?');
                return;
            case TypeRefKind.Tuple:
                WriteTuple(builder, type, options);
                return;
            case TypeRefKind.Dynamic:
                builder.Append((options & Options.Dynamic) != 0 ? type.Name : TypeRef.ObjectKeyword);
                break;
            case TypeRefKind.Named:
                if (type.Container is { } container)
                {
                    Write(builder, container, options);
                    builder.Append('.');
                }

                builder.Append(type.Name);
                WriteTypeArguments(builder, type, options);
                break;
            default:
                builder.Append(type.Name);
                break;
        }

        if (type.IsNullableAnnotated && (options & Options.Annotations) != 0)
        {
            builder.Append('?');
        }
    }

    private static void WriteTypeArguments(StringBuilder builder, TypeRef type, Options options)
    {
        if (type.Arguments.Count == 0)
        {
            return;
        }

        builder.Append('<');
        for (var i = 0; i < type.Arguments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, type.Arguments[i], options);
        }

        builder.Append('>');
    }

    private static void WriteTuple(StringBuilder builder, TypeRef type, Options options)
    {
        builder.Append('(');
        for (var i = 0; i < type.Arguments.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, type.Arguments[i], options);
            if ((options & Options.TupleNames) != 0 && i < type.ElementNames.Count && type.ElementNames[i].Length > 0)
            {
                builder.Append(' ').Append(type.ElementNames[i]);
            }
        }

        builder.Append(')');
    }

    /// <summary>
    /// C# writes the rank specifiers of an array of arrays outermost first (<c>int[,][]</c> is a two-dimensional array
    /// of <c>int[]</c>), but a nullable annotation closes a type: <c>string[]?[]</c> is an array of <c>string[]?</c>.
    /// So the specifiers of this array and of its element arrays are written in one run, outermost first, up to the
    /// first element array that is annotated; that one is printed whole (with its '?') as the element of the run. The
    /// annotation of the outermost array comes last (<c>string?[][]?</c>).
    /// </summary>
    private static void WriteArray(StringBuilder builder, TypeRef type, Options options)
    {
        var innermost = type;
        while (innermost.Element.Kind == TypeRefKind.Array && !(innermost.Element.IsNullableAnnotated && (options & Options.Annotations) != 0))
        {
            innermost = innermost.Element;
        }

        Write(builder, innermost.Element, options);
        for (var level = type; ; level = level.Element)
        {
            builder.Append('[').Append(',', level.Rank - 1).Append(']');
            if (ReferenceEquals(level, innermost))
            {
                break;
            }
        }

        if (type.IsNullableAnnotated && (options & Options.Annotations) != 0)
        {
            builder.Append('?');
        }
    }
}
