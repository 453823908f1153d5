using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Recognises the abstractions' types by name, without asking the compilation.</summary>
internal static class KnownTypes
{
    public const string HandlerAttribute = "Mediator.HandlerAttribute";
    public const string MiddlewareAttribute = "Mediator.MiddlewareAttribute";
    public const string Unit = "global::Mediator.Unit";
    public const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    public static bool IsRequestHandler(INamedTypeSymbol type) => IsMediatorType(type, "IRequestHandler", 2);

    public static bool IsVoidRequestHandler(INamedTypeSymbol type) => IsMediatorType(type, "IRequestHandler", 1);

    public static bool IsRequestMiddleware(INamedTypeSymbol type) => IsMediatorType(type, "IRequestMiddleware", 2);

    public static bool IsRequest(INamedTypeSymbol type) => IsMediatorType(type, "IRequest", 1);

    public static bool IsVoidRequest(INamedTypeSymbol type) => IsMediatorType(type, "IRequest", 0);

    private static bool IsMediatorType(INamedTypeSymbol type, string name, int arity)
        => type.Arity == arity
            && type.Name == name
            && type.ContainingType is null
            && type.ContainingNamespace is { Name: "Mediator", ContainingNamespace.IsGlobalNamespace: true };
}
