using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>What the analyzers of dispatch calls share: whose <c>Send</c>, <c>Publish</c> and <c>CreateStream</c> they look at.</summary>
internal static class DispatchMethods
{
    /// <summary>The mediator's interfaces, or a class that implements them (the generated mediator, a decorator).</summary>
    public static bool IsMediator(INamedTypeSymbol type)
        => IsDispatchInterface(type) || type.AllInterfaces.Any(IsDispatchInterface);

    /// <summary><c>ISender</c>, <c>IPublisher</c> or <c>IMediator</c> of the library.</summary>
    public static bool IsDispatchInterface(INamedTypeSymbol type)
        => KnownTypes.IsMediatorType(type, "ISender", 0)
            || KnownTypes.IsMediatorType(type, "IPublisher", 0)
            || KnownTypes.IsMediatorType(type, "IMediator", 0);
}
