using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>Recognises the abstractions' types by name, without asking the compilation.</summary>
internal static class KnownTypes
{
    public const string HandlerAttribute = "Mediator.HandlerAttribute";
    public const string MiddlewareAttribute = "Mediator.MiddlewareAttribute";
    public const string MiddlewareGroupAttribute = "Mediator.MiddlewareGroupAttribute";
    public const string UseMiddlewareAttribute = "Mediator.UseMiddlewareAttribute";
    public const string Unit = "global::Mediator.Unit";
    public const string ServiceCollection = "Microsoft.Extensions.DependencyInjection.IServiceCollection";

    public static bool IsRequestHandler(INamedTypeSymbol type) => IsMediatorType(type, "IRequestHandler", 2);

    public static bool IsVoidRequestHandler(INamedTypeSymbol type) => IsMediatorType(type, "IRequestHandler", 1);

    public static bool IsNotificationHandler(INamedTypeSymbol type) => IsMediatorType(type, "INotificationHandler", 1);

    public static bool IsStreamHandler(INamedTypeSymbol type) => IsMediatorType(type, "IStreamRequestHandler", 2);

    public static bool IsMiddleware(INamedTypeSymbol type) => IsMediatorType(type, "IMiddleware", 2);

    public static bool IsRequestMiddleware(INamedTypeSymbol type) => IsMediatorType(type, "IRequestMiddleware", 2);

    public static bool IsNotificationMiddleware(INamedTypeSymbol type) => IsMediatorType(type, "INotificationMiddleware", 1);

    public static bool IsStreamMiddleware(INamedTypeSymbol type) => IsMediatorType(type, "IStreamMiddleware", 2);

    public static bool IsRequestPreProcessor(INamedTypeSymbol type) => IsMediatorType(type, "IRequestPreProcessor", 1);

    public static bool IsRequestPostProcessor(INamedTypeSymbol type) => IsMediatorType(type, "IRequestPostProcessor", 2);

    public static bool IsRequestExceptionHandler(INamedTypeSymbol type) => IsMediatorType(type, "IRequestExceptionHandler", 3);

    public static bool IsRequestExceptionAction(INamedTypeSymbol type) => IsMediatorType(type, "IRequestExceptionAction", 2);

    public static bool IsStreamPreProcessor(INamedTypeSymbol type) => IsMediatorType(type, "IStreamPreProcessor", 1);

    /// <summary>One of the processor contracts (pre, post, exception handler, exception action, stream pre).</summary>
    public static bool IsProcessor(INamedTypeSymbol type)
        => IsRequestPreProcessor(type) || IsRequestPostProcessor(type) || IsRequestExceptionHandler(type)
            || IsRequestExceptionAction(type) || IsStreamPreProcessor(type);

    public static bool IsNotification(INamedTypeSymbol type) => IsMediatorType(type, "INotification", 0);

    public static bool IsStreamRequest(INamedTypeSymbol type) => IsMediatorType(type, "IStreamRequest", 1);

    public static bool IsMiddlewareGroupAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "MiddlewareGroupAttribute", 0);

    public static bool IsPublishStrategyAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "PublishStrategyAttribute", 0);

    public static bool IsPublishFailuresAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "PublishFailuresAttribute", 0);

    public static bool IsMiddlewareAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "MiddlewareAttribute", 0);

    public static bool IsHandlerAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "HandlerAttribute", 0);

    public static bool IsDefaultLifetimesAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "DefaultLifetimesAttribute", 0);

    public static bool IsUseMiddlewareAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "UseMiddlewareAttribute", 0);

    public static bool IsRequiresConcernAttribute(INamedTypeSymbol? type) => type is not null && IsMediatorType(type, "RequiresConcernAttribute", 0);

    /// <summary><c>Mediator.HandlerIdentity</c>: a configured middleware's constructor parameter that generated code fills with the handler it wraps.</summary>
    public static bool IsHandlerIdentity(ITypeSymbol type) => type is INamedTypeSymbol named && IsMediatorType(named, "HandlerIdentity", 0);

    /// <summary>The ordering attribute <paramref name="type"/> stands for, if it is one.</summary>
    public static ConstraintKind? OrderingAttributeKind(INamedTypeSymbol? type)
    {
        if (type is null || type.Arity != 0 || type.ContainingType is not null
            || type.ContainingNamespace is not { Name: "Mediator", ContainingNamespace.IsGlobalNamespace: true })
        {
            return null;
        }

        return type.Name switch
        {
            "RunsBeforeAttribute" => ConstraintKind.RunsBefore,
            "RunsAfterAttribute" => ConstraintKind.RunsAfter,
            "MustRunInsideAttribute" => ConstraintKind.MustRunInside,
            "MustRunOutsideAttribute" => ConstraintKind.MustRunOutside,
            _ => null,
        };
    }

    /// <summary>Whether <paramref name="type"/> derives from <c>System.Attribute</c>.</summary>
    public static bool IsAttributeClass(ITypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsRequest(INamedTypeSymbol type) => IsMediatorType(type, "IRequest", 1);

    public static bool IsVoidRequest(INamedTypeSymbol type) => IsMediatorType(type, "IRequest", 0);

    /// <summary>A top-level type of the abstractions, recognised by namespace, name and arity.</summary>
    public static bool IsMediatorType(INamedTypeSymbol type, string name, int arity)
        => type.Arity == arity
            && type.Name == name
            && type.ContainingType is null
            && type.ContainingNamespace is { Name: "Mediator", ContainingNamespace.IsGlobalNamespace: true };
}
