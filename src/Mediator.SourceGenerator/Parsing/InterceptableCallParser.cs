#if ROSLYN4_14
using System.Threading;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// The calls an interceptor may bind to a typed pipeline (Roslyn 4.14 build only; docs/interceptors.md):
/// <c>Send</c>, <c>Publish</c> and <c>CreateStream</c> of <c>ISender</c>/<c>IPublisher</c> (so also through
/// <c>IMediator</c>), on a receiver typed as an interface, whose message's static type no subclass could route elsewhere:
/// a struct or a sealed class, with no type parameter, that generated code can name. The predicate reads invocation names
/// only; the semantic model is asked about the candidates of a file when that file changed or a declaration did
/// (<c>Parsing/FileCalls</c>, which reads <c>CallSiteParser</c>'s calls in the same walk).
/// </summary>
internal static class InterceptableCallParser
{
    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
        => node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access, ArgumentList.Arguments.Count: 1 or 2 }
            && access.Name.Identifier.ValueText is "Send" or "Publish" or "CreateStream";

    /// <summary>A candidate (<see cref="IsCandidate"/>) read with its file's semantic model; null when it cannot be bound.</summary>
    public static InterceptableCall? Read(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)node;
        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { Instance: { } instance } call
            || instance.Type is not INamedTypeSymbol { TypeKind: TypeKind.Interface }
            || Kind(call.TargetMethod) is not { } kind
            || call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { } argument)
        {
            return null;
        }

        // The message's static type: Publish's type argument; for Send and CreateStream the argument before its implicit
        // conversion to IRequest<T> or IStreamRequest<T> (an argument written as the interface is not intercepted).
        var method = call.TargetMethod;
        var message = kind == InterceptedMethod.Publish
            ? method.TypeArguments[0]
            : argument.Value is IConversionOperation { IsImplicit: true } conversion ? conversion.Operand.Type : argument.Value.Type;
        ITypeSymbol? result = kind is InterceptedMethod.Send or InterceptedMethod.CreateStream ? method.TypeArguments[0] : null;
        var compilation = model.Compilation;
        if (message is not INamedTypeSymbol named
            || !CannotBeSubclassed(named)
            || !CanBeNamed(named, compilation)
            || (result is not null && !CanBeNamed(result, compilation))
            || !TypeRefFactory.TryCreate(named, out var messageRef))
        {
            return null;
        }

        string? resultDisplay = null;
        if (result is not null)
        {
            if (!TypeRefFactory.TryCreate(result, out var resultRef))
            {
                return null;
            }

            resultDisplay = resultRef.Display;
        }

        if (model.GetInterceptableLocation(invocation, cancellationToken) is not { } location)
        {
            return null;
        }

        return new InterceptableCall(
            invocation.SyntaxTree.FilePath,
            kind,
            messageRef.Display,
            ModuleReader.Name(named),
            resultDisplay,
            result is null ? null : ModuleReader.Name(result),
            named.IsValueType,
            location.Version,
            location.Data,
            DisplayLocation(invocation));
    }

    /// <summary>The file's name (not its path, which differs between machines) and the call's 1-based line and column.</summary>
    private static string DisplayLocation(InvocationExpressionSyntax invocation)
    {
        var position = invocation.GetLocation().GetLineSpan().StartLinePosition;
        return Emitting.InterceptorEmitter.FileName(invocation.SyntaxTree.FilePath) + "(" + (position.Line + 1) + "," + (position.Character + 1) + ")";
    }

    /// <summary>
    /// The typed methods only: <c>Send(object)</c>, <c>CreateStream(object)</c> and <c>Publish(object)</c> (dynamic
    /// dispatch, docs/dynamic-dispatch.md) are for messages known only at run time and are never bound.
    /// </summary>
    private static InterceptedMethod? Kind(IMethodSymbol method)
    {
        var owner = method.ContainingType;
        return method.Name switch
        {
            "Send" when KnownTypes.IsMediatorType(owner, "ISender", 0) && method.IsGenericMethod => InterceptedMethod.Send,
            "Send" when KnownTypes.IsMediatorType(owner, "ISender", 0) && IsVoidRequestParameter(method) => InterceptedMethod.SendVoid,
            "CreateStream" when method.IsGenericMethod && KnownTypes.IsMediatorType(owner, "ISender", 0) => InterceptedMethod.CreateStream,
            "Publish" when method.IsGenericMethod && KnownTypes.IsMediatorType(owner, "IPublisher", 0) => InterceptedMethod.Publish,
            _ => null,
        };
    }

    private static bool IsVoidRequestParameter(IMethodSymbol method)
        => method.Parameters.Length > 0 && method.Parameters[0].Type is INamedTypeSymbol parameter && KnownTypes.IsVoidRequest(parameter);

    /// <summary>
    /// A struct or a sealed class: its run-time type is its static type, so the typed pipeline is the one the generic
    /// dispatch would choose. (A class that is not sealed is left to the generic dispatch, which looks for a subclass's
    /// own handler.)
    /// </summary>
    private static bool CannotBeSubclassed(INamedTypeSymbol type)
        => type.TypeKind switch
        {
            TypeKind.Struct => !type.IsRefLikeType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T,
            TypeKind.Class => type.IsSealed && !type.IsStatic,
            _ => false,
        };

    /// <summary>Generated code, a top-level type of this assembly, can name it: no type parameter, nothing private.</summary>
    private static bool CanBeNamed(ITypeSymbol type, Compilation compilation)
        => type.TypeKind is not (TypeKind.Error or TypeKind.TypeParameter or TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic)
            && !ContainsTypeParameters(type)
            && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

    private static bool ContainsTypeParameters(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol => true,
        IArrayTypeSymbol array => ContainsTypeParameters(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsTypeParameters) || (named.ContainingType is { } outer && ContainsTypeParameters(outer)),
        _ => false,
    };
}
#endif
