using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>
/// Reads a component's lifetime: <c>Lifetime = ...</c> on its own attribute when written, else the default its declaring
/// assembly gives with <c>[assembly: DefaultLifetimes(Handlers = ..., Middleware = ...)]</c>, else singleton. The
/// default is the declaring assembly's, not the compiling one's, so that a referenced library's middleware (the built-ins)
/// keeps the lifetime its author chose. In Symbols/ because the parsers and the MED0032 analyzer (which checks only
/// singleton middleware) must read it the same way.
/// </summary>
internal static class LifetimeReader
{
    /// <summary>The lifetime of a handler class marked by <paramref name="handlerAttribute"/>.</summary>
    public static ServiceLifetimeKind ForHandler(INamedTypeSymbol symbol, AttributeData? handlerAttribute)
        => Explicit(handlerAttribute) ?? AssemblyDefault(symbol.ContainingAssembly, "Handlers");

    /// <summary>The lifetime of a middleware class marked by <paramref name="middlewareAttribute"/>.</summary>
    public static ServiceLifetimeKind ForMiddleware(INamedTypeSymbol symbol, AttributeData? middlewareAttribute)
        => Explicit(middlewareAttribute) ?? AssemblyDefault(symbol.ContainingAssembly, "Middleware");

    /// <summary><c>Lifetime = ...</c> written on <paramref name="attribute"/>, if it is and names a known value.</summary>
    public static ServiceLifetimeKind? Explicit(AttributeData? attribute)
        => attribute is not null && Named(attribute, "Lifetime") is int value && Enum.IsDefined(typeof(ServiceLifetimeKind), value)
            ? (ServiceLifetimeKind)value
            : null;

    private static ServiceLifetimeKind AssemblyDefault(IAssemblySymbol? assembly, string property)
    {
        if (assembly is null)
        {
            return ServiceLifetimeKind.Singleton;
        }

        foreach (var attribute in assembly.GetAttributes())
        {
            if (KnownTypes.IsDefaultLifetimesAttribute(attribute.AttributeClass)
                && Named(attribute, property) is int value
                && Enum.IsDefined(typeof(ServiceLifetimeKind), value))
            {
                return (ServiceLifetimeKind)value;
            }
        }

        return ServiceLifetimeKind.Singleton;
    }

    private static object? Named(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Kind == TypedConstantKind.Error ? null : argument.Value.Value;
            }
        }

        return null;
    }
}
