using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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

    /// <summary>C# 13, the first version in which a ref struct may implement an interface.</summary>
    private const LanguageVersion RefStructInterfaces = (LanguageVersion)1300;

    /// <param name="node">The declaration being visited.</param>
    /// <param name="symbol">Its type.</param>
    /// <param name="compilation">The compilation it is in.</param>
    /// <param name="diagnostics">Receives MED0037 for a message type that no dispatch method can take.</param>
    public static MessageDeclaration? Parse(TypeDeclarationSyntax node, INamedTypeSymbol symbol, Compilation compilation, List<DiagnosticInfo> diagnostics)
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

        // A declaration the compiler rejects (a base type or a response type that does not resolve, a ref struct as the
        // response) is its to report; the generator neither describes it nor says it lacks a handler.
        if (BrokenTypes.Contains(symbol.BaseType) || symbol.AllInterfaces.Any(i => BrokenTypes.Contains(i) || i.TypeArguments.Any(BrokenTypes.IsInvalidArgument)))
        {
            return null;
        }

        var identifier = node.Identifier.GetLocation();
        if (symbol.IsRefLikeType)
        {
            // Before C# 13 a ref struct cannot implement an interface at all (CS8343), and the compiler says so. From C# 13
            // it can, but it can be neither boxed to IRequest<T> nor passed as a type argument: no Send, CreateStream or
            // Publish overload can take it, and no handler interface can name it.
            if (compilation is CSharpCompilation { LanguageVersion: >= RefStructInterfaces })
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedMessage,
                    LocationInfo.From(identifier),
                    TypeRefFactory.Display(symbol),
                    "it is a ref struct, which can be neither boxed to its message interface nor used as a type argument, so no Send, CreateStream or Publish method can take it and no handler interface can name it; make it a struct or a class"));
            }

            return null;
        }

        if (!TypeRefFactory.TryCreate(symbol, out var self))
        {
            return null;
        }

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
