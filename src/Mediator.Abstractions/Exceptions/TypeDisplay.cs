using System;
using System.Text;

namespace Mediator;

/// <summary>
/// A type's name as C# writes it, for the messages of the exceptions: <c>IdentifiedCommand&lt;CancelOrder, bool&gt;</c>,
/// <c>Outer.Inner</c>, <c>int?</c>, <c>string[]</c>, <c>(int, string)</c>, rather than <see cref="Type.FullName"/>'s
/// <c>Shop.IdentifiedCommand`2[[Shop.CancelOrder, Shop, Version=1.0.0.0, ...]]</c>. Without namespaces, as the exceptions'
/// <c>MessageType</c> properties carry the type itself. Reads only what every type has (names, declaring type, type
/// arguments): no reflection over members, the same in Native AOT.
/// </summary>
internal static class TypeDisplay
{
    public static string Of(Type type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, Type type)
    {
        if (type.IsArray)
        {
            Append(text, type.GetElementType()!);
            text.Append('[').Append(',', type.GetArrayRank() - 1).Append(']');
            return;
        }

        if (type.IsPointer || type.IsByRef)
        {
            Append(text, type.GetElementType()!);
            text.Append(type.IsPointer ? '*' : '&');
            return;
        }

        if (type.IsGenericParameter)
        {
            text.Append(type.Name);
            return;
        }

        if (Keyword(type) is { } keyword)
        {
            text.Append(keyword);
            return;
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Nullable<>))
            {
                Append(text, arguments[0]);
                text.Append('?');
                return;
            }

            if (IsTuple(definition) && arguments.Length is >= 2 and <= 7)
            {
                text.Append('(');
                AppendList(text, arguments, 0, arguments.Length);
                text.Append(')');
                return;
            }
        }

        AppendNested(text, type, arguments);
    }

    /// <summary>
    /// A type and the types it is nested in, outermost first, each with its own type arguments: reflection gives a nested
    /// type all of them (<c>Outer&lt;int&gt;.Inner&lt;string&gt;</c> has <c>[int, string]</c>), and each name's arity says how many are its.
    /// </summary>
    private static int AppendNested(StringBuilder text, Type type, Type[] arguments)
    {
        var used = 0;
        if (type.IsNested && !type.IsGenericParameter && type.DeclaringType is { } outer)
        {
            used = AppendNested(text, outer, arguments);
            text.Append('.');
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick < 0)
        {
            text.Append(name);
            return used;
        }

        text.Append(name, 0, tick);
        var count = int.TryParse(name.Substring(tick + 1), out var arity) ? Math.Min(arity, arguments.Length - used) : 0;
        text.Append('<');
        AppendList(text, arguments, used, count);
        text.Append('>');
        return used + count;
    }

    private static void AppendList(StringBuilder text, Type[] types, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (i > start)
            {
                text.Append(", ");
            }

            Append(text, types[i]);
        }
    }

    private static bool IsTuple(Type definition)
        => definition.Namespace == "System" && definition.Name.StartsWith("ValueTuple`", StringComparison.Ordinal);

    private static string? Keyword(Type type)
    {
        if (type.IsEnum)
        {
            return null;
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "bool",
            TypeCode.Byte => "byte",
            TypeCode.SByte => "sbyte",
            TypeCode.Char => "char",
            TypeCode.Decimal => "decimal",
            TypeCode.Double => "double",
            TypeCode.Single => "float",
            TypeCode.Int32 => "int",
            TypeCode.UInt32 => "uint",
            TypeCode.Int64 => "long",
            TypeCode.UInt64 => "ulong",
            TypeCode.Int16 => "short",
            TypeCode.UInt16 => "ushort",
            TypeCode.String => "string",
            _ => type == typeof(object) ? "object"
                : type == typeof(nint) ? "nint"
                : type == typeof(nuint) ? "nuint"
                : type == typeof(void) ? "void"
                : null,
        };
    }
}
