using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>What part a class plays in a pipeline, as the analyzers see it: by its attribute or by the contract it implements.</summary>
internal static class PipelineRoles
{
    public const string Handler = "Handler";
    public const string Middleware = "Middleware";

    public static bool IsHandlerContract(INamedTypeSymbol type)
        => KnownTypes.IsRequestHandler(type) || KnownTypes.IsVoidRequestHandler(type)
            || KnownTypes.IsNotificationHandler(type) || KnownTypes.IsStreamHandler(type);

    /// <summary>IMiddleware&lt;,&gt; covers the request and notification contracts, which derive from it.</summary>
    public static bool IsMiddlewareContract(INamedTypeSymbol type)
        => KnownTypes.IsMiddleware(type) || KnownTypes.IsRequestMiddleware(type)
            || KnownTypes.IsNotificationMiddleware(type) || KnownTypes.IsStreamMiddleware(type)
            || KnownTypes.IsProcessor(type);

    public static bool HasAttribute(INamedTypeSymbol type, string attributeName)
        => type.GetAttributes().Any(a => a.AttributeClass is { } c && KnownTypes.IsMediatorType(c, attributeName + "Attribute", 0));

    public static bool IsMiddlewareClass(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Class && (HasAttribute(type, Middleware) || type.AllInterfaces.Any(IsMiddlewareContract));

    public static bool IsHandlerClass(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Class && (HasAttribute(type, Handler) || type.AllInterfaces.Any(IsHandlerContract));

    /// <summary>"middleware", "handler" or null, for messages; middleware wins for a class that is both.</summary>
    public static string? Describe(INamedTypeSymbol? type)
        => type is null ? null
            : IsMiddlewareClass(type) ? "middleware"
            : IsHandlerClass(type) ? "handler"
            : null;
}
