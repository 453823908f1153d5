using System;
using System.Linq;

namespace Mediator.Testing;

/// <summary>Readable type names for assertion messages: <c>Logging&lt;Ping, Pong&gt;</c> rather than <c>Ns.Logging`2[[...]]</c>.</summary>
internal static class TypeNames
{
    public static string Display(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name;
        var tick = name.IndexOf('`');
        if (tick >= 0)
        {
            name = name.Substring(0, tick);
        }

        return name + "<" + string.Join(", ", type.GetGenericArguments().Select(Display)) + ">";
    }
}
