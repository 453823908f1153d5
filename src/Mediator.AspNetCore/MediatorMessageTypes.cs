using System;
using System.Collections.Generic;
using System.Reflection;

namespace Mediator.AspNetCore;

/// <summary>
/// The message types a generated mediator dispatches: the first parameter of each of its public typed <c>Send</c>,
/// <c>Publish</c> and <c>CreateStream</c> overloads (a composed host has one for each public message of its modules too).
/// Read once, when the host starts; dispatch itself never reflects.
/// </summary>
internal static class MediatorMessageTypes
{
    private static readonly HashSet<string> DispatchMethods = new(StringComparer.Ordinal) { "Send", "Publish", "CreateStream" };

    public static IReadOnlyCollection<Type> Of(Type mediator)
    {
        var types = new HashSet<Type>();
        foreach (var method in mediator.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!DispatchMethods.Contains(method.Name) || method.IsGenericMethodDefinition) continue;
            var parameters = method.GetParameters();
            // The generic overloads take the interface (IRequest<T>, INotification); the typed ones take the message itself.
            if (parameters.Length > 0 && !parameters[0].ParameterType.IsInterface) types.Add(parameters[0].ParameterType);
        }

        return types;
    }
}
