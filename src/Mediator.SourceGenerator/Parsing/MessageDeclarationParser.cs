using System.Collections.Generic;
using System.Linq;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Finds concrete message types declared in this compilation: requests and stream requests must have a handler
/// (MED0001), notifications should (MED0010), and every concrete notification gets a pipeline for the handlers of
/// its base types and interfaces.
/// </summary>
internal static class MessageDeclarationParser
{
    /// <summary>Cheap syntax test: only type declarations with a base list can implement a message interface.</summary>
    public static bool IsCandidate(TypeDeclarationSyntax node)
        => node is { BaseList: not null } and (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);

    public static MessageDeclaration? Parse(TypeDeclarationSyntax node, INamedTypeSymbol symbol, Compilation compilation)
    {
        if (symbol.IsAbstract
            || symbol.IsStatic
            || SymbolFacts.IsOrIsNestedInGenericType(symbol))
        {
            return null;
        }

        var (kind, handlerContract) = Classify(symbol);
        if (kind is null)
        {
            return null;
        }

        // IRequest<List<Missing>>: no handler contract over it reaches planning (HandlerParser leaves it out), so the
        // message would be reported as unhandled on top of the compiler's error. Left out instead.
        if (symbol.AllInterfaces.Any(i => (KnownTypes.IsRequest(i) || KnownTypes.IsStreamRequest(i)) && TypeRefFactory.ContainsErrorType(i)))
        {
            return null;
        }

        if (!TypeRefFactory.TryCreate(symbol, out var self))
        {
            return null;
        }

        // A base class or interface that does not resolve is left out: the compiler reports it.
        var identifier = node.Identifier.GetLocation();
        var supertypes = new List<string>();
        for (var current = symbol.BaseType; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (TypeRefFactory.TryCreate(current, out var supertype))
            {
                supertypes.Add(supertype.Erased.Display);
            }
        }

        foreach (var contract in symbol.AllInterfaces)
        {
            if (TypeRefFactory.TryCreate(contract, out var supertype))
            {
                supertypes.Add(supertype.Erased.Display);
            }
        }

        // Only notifications need the full description: their pipelines are planned from declarations too.
        var notification = kind == MessageKind.Notification && TypeAccessibility.WhyInaccessible(symbol, compilation) is null
            ? MessageTypeSpecFactory.Create(symbol)
            : null;
        return new MessageDeclaration(
            kind.Value,
            self.Erased.Display,
            handlerContract!,
            LocationInfo.From(identifier),
            supertypes.ToEquatableArray(),
            notification,
            ConcernRequirementParser.Parse(symbol, LocationInfo.From(identifier)));
    }

    private static (MessageKind? Kind, string? HandlerContract) Classify(INamedTypeSymbol symbol)
    {
        if (symbol.AllInterfaces.FirstOrDefault(KnownTypes.IsRequest) is { } request)
        {
            return symbol.AllInterfaces.Any(KnownTypes.IsVoidRequest)
                ? (MessageKind.Request, $"IRequestHandler<{symbol.Name}>")
                : (MessageKind.Request, $"IRequestHandler<{symbol.Name}, {Short(request.TypeArguments[0])}>");
        }

        if (symbol.AllInterfaces.FirstOrDefault(KnownTypes.IsStreamRequest) is { } stream)
        {
            return (MessageKind.Stream, $"IStreamRequestHandler<{symbol.Name}, {Short(stream.TypeArguments[0])}>");
        }

        return symbol.AllInterfaces.Any(KnownTypes.IsNotification)
            ? (MessageKind.Notification, $"INotificationHandler<{symbol.Name}>")
            : (null, null);
    }

    private static string Short(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
