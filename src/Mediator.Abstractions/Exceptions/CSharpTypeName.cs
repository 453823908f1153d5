using System;
using System.Linq;

namespace Mediator;

/// <summary>
/// A type's name as C# writes it, namespace-qualified, for exception messages: <c>Shop.IdentifiedCommand&lt;Shop.CancelOrder,
/// System.Boolean&gt;</c> where <see cref="Type.FullName"/> gives <c>Shop.IdentifiedCommand`2[[Shop.CancelOrder, Shop,
/// Version=...]]</c>, and <c>Outer.Inner</c> for a nested type.
/// </summary>
internal static class CSharpTypeName
{
    public static string Of(Type type)
    {
        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsPointer)
        {
            return Of(type.GetElementType()!) + "*";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (!type.IsGenericType)
        {
            return (type.FullName ?? type.Name).Replace('+', '.');
        }

        // Each segment of a nested generic name ("Outer`1+Inner`1") takes its own share of the type arguments, in order.
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        var segments = (definition.FullName ?? definition.Name).Split('+');
        var used = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            var tick = segments[i].IndexOf('`');
            if (tick < 0 || !int.TryParse(segments[i].Substring(tick + 1), out var count))
            {
                continue;
            }

            var own = arguments.Skip(used).Take(count).Select(Of);
            segments[i] = segments[i].Substring(0, tick) + "<" + string.Join(", ", own) + ">";
            used += count;
        }

        return string.Join(".", segments);
    }
}
