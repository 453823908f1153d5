using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Analyzers.Migration;

/// <summary>
/// Recognises MediatR's API by name (namespace <c>MediatR</c> and its sub-namespaces, type name and arity), so the
/// analyzer and the code fix work on any MediatR version without referencing it.
/// </summary>
internal static class MediatRApi
{
    /// <summary>Whether the namespace is <c>MediatR</c> or one inside it (<c>MediatR.Pipeline</c>).</summary>
    public static bool IsMediatRNamespace(INamespaceSymbol? ns)
    {
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            if (current.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return current.Name == "MediatR";
            }
        }

        return false;
    }

    /// <summary>Whether the type is declared by MediatR (its top-level containing type is in a MediatR namespace).</summary>
    public static bool IsMediatRType(ISymbol? symbol)
    {
        var type = symbol as INamedTypeSymbol;
        while (type?.ContainingType is not null)
        {
            type = type.ContainingType;
        }

        return type is not null && IsMediatRNamespace(type.ContainingNamespace);
    }

    /// <summary>Whether the type or any type inside it (a type argument, an array's element) is MediatR's.</summary>
    public static bool MentionsMediatRType(ITypeSymbol? type) => type switch
    {
        null => false,
        IArrayTypeSymbol array => MentionsMediatRType(array.ElementType),
        INamedTypeSymbol named => IsMediatRType(named) || named.TypeArguments.Any(MentionsMediatRType),
        _ => false,
    };

    /// <summary>Which MediatR contract <paramref name="type"/> is, or null.</summary>
    public static MediatRContract? ContractOf(INamedTypeSymbol type)
    {
        if (!IsMediatRType(type))
        {
            return null;
        }

        var isInterface = type.TypeKind == TypeKind.Interface;
        return (type.Name, type.Arity, isInterface) switch
        {
            ("IRequestHandler", 2, true) => MediatRContract.RequestHandler,
            ("IRequestHandler", 1, true) => MediatRContract.VoidRequestHandler,
            ("INotificationHandler", 1, true) => MediatRContract.NotificationHandler,
            ("IStreamRequestHandler", 2, true) => MediatRContract.StreamHandler,
            ("IPipelineBehavior", 2, true) => MediatRContract.PipelineBehavior,
            ("IRequestPreProcessor", 1, true) => MediatRContract.PreProcessor,
            ("IRequestPostProcessor", 2, true) => MediatRContract.PostProcessor,
            ("IRequestExceptionHandler", 3, true) => MediatRContract.ExceptionHandler,
            ("IRequestExceptionAction", 2, true) => MediatRContract.ExceptionAction,
            ("RequestHandler", 2, false) => MediatRContract.SyncRequestHandlerBase,
            ("RequestHandler", 1, false) => MediatRContract.SyncVoidRequestHandlerBase,
            ("AsyncRequestHandler", 1, false) => MediatRContract.AsyncVoidRequestHandlerBase,
            ("NotificationHandler", 1, false) => MediatRContract.SyncNotificationHandlerBase,
            _ => null,
        };
    }

    /// <summary>The MediatR contracts the class names itself (its base class and the interfaces in its own base list).</summary>
    public static IEnumerable<(INamedTypeSymbol Type, MediatRContract Contract)> DirectContracts(INamedTypeSymbol type)
    {
        if (type.BaseType is { } baseType && ContractOf(baseType) is { } baseContract)
        {
            yield return (baseType, baseContract);
        }

        foreach (var contract in type.Interfaces)
        {
            if (ContractOf(contract) is { } kind)
            {
                yield return (contract, kind);
            }
        }
    }

    /// <summary>Whether the method is MediatR's <c>Send</c> or <c>Publish</c>, which return <c>Task</c> where ours return <c>ValueTask</c>.</summary>
    public static bool IsTaskReturningDispatch(IMethodSymbol method)
        => method.Name is "Send" or "Publish" && IsMediatRType(method.ContainingType)
            && method.ReturnType is INamedTypeSymbol { Name: "Task" } returnType
            && returnType.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
}
