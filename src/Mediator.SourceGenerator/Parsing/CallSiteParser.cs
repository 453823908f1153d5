using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// The calls the composed mediator's checks look at (<c>Checks/CallSiteChecks</c>): <c>Send</c> and <c>CreateStream</c>
/// with a concrete message, a parameterless <c>services.AddX()</c> that binds to nothing, and a module's
/// <c>RegisterModule</c>. The predicate reads the invocation's name only, so a keystroke costs a string comparison per
/// invocation; the semantic model is asked about the few candidates of a file only when that file changed or a declaration
/// did (<c>Parsing/FileCalls</c>).
/// </summary>
internal static class CallSiteParser
{
    private const string Send = "Send";
    private const string CreateStream = "CreateStream";

    public static bool IsCandidate(SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
        {
            return false;
        }

        var arguments = invocation.ArgumentList.Arguments.Count;
        var name = access.Name.Identifier.ValueText;
        return name switch
        {
            Send or CreateStream => arguments is 1 or 2,
            Emitting.ModuleEmitter.RegisterModule => arguments == 1,
            _ => arguments == 0 && name.StartsWith("Add", StringComparison.Ordinal),
        };
    }

    /// <summary>A candidate (<see cref="IsCandidate"/>) read with its file's semantic model; null when it is not one of ours.</summary>
    public static CallSite? Read(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)node;
        var access = (MemberAccessExpressionSyntax)invocation.Expression;
        var name = access.Name.Identifier.ValueText;
        var location = LocationInfo.From(invocation.GetLocation());
        if (location is null)
        {
            return null;
        }

        return name switch
        {
            Send => Dispatch(CallSiteKind.Send, invocation, access, model, location, cancellationToken),
            CreateStream => Dispatch(CallSiteKind.CreateStream, invocation, access, model, location, cancellationToken),
            Emitting.ModuleEmitter.RegisterModule => ModuleRegistration(invocation, model, location, cancellationToken),
            _ => Registration(name, invocation, access, model, location, cancellationToken),
        };
    }

    /// <summary>
    /// A dispatch through <c>ISender</c>/<c>IMediator</c>, this project's mediator (not generated yet, so unbound here) or a
    /// module mediator's generic method, with a message whose static type is concrete. An argument typed as an interface or
    /// abstract class is left alone: its run-time type may be handled.
    /// </summary>
    private static CallSite? Dispatch(
        CallSiteKind kind,
        InvocationExpressionSyntax invocation,
        MemberAccessExpressionSyntax access,
        SemanticModel model,
        LocationInfo location,
        CancellationToken cancellationToken)
    {
        var argument = invocation.ArgumentList.Arguments[0].Expression;
        if (model.GetTypeInfo(argument, cancellationToken).Type is not INamedTypeSymbol message
            || message.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || message.IsAbstract
            || message.IsUnboundGenericType
            || ContainsTypeParameters(message)
            || !IsMessageFor(kind, message)
            || Key(message) is not { } key)
        {
            return null;
        }

        var receiver = CallReceiver.Unbound;
        string? receiverName = null;
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
        {
            var owner = method.ContainingType;
            if (KnownTypes.IsMediatorType(owner, "ISender", 0) || KnownTypes.IsMediatorType(owner, "IMediator", 0))
            {
                receiver = CallReceiver.Interface;
            }
            else if (method.IsGenericMethod && ModuleOf(owner) is { } module)
            {
                receiver = CallReceiver.ModuleMediator;
                receiverName = module;
            }
            else
            {
                // A typed overload of a module's mediator (handled by construction), or somebody else's Send.
                return null;
            }
        }
        else if (model.GetTypeInfo(access.Expression, cancellationToken).Type is { TypeKind: TypeKind.Error } unknown)
        {
            receiverName = unknown.ToDisplayString();
        }
        else
        {
            // The receiver is known but the call does not bind (a wrong argument): the compiler says why.
            return null;
        }

        return new CallSite(kind, kind == CallSiteKind.Send ? Send : CreateStream, receiver, receiverName, key, location, Supertypes(message), ModuleReader.Name(message));
    }

    private static EquatableArray<string> Supertypes(INamedTypeSymbol type)
    {
        var all = new List<string>();
        for (var b = type.BaseType; b is not null && b.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); b = b.BaseType)
        {
            all.Add(Key(b) ?? ModuleReader.Name(b));
        }

        all.AddRange(type.AllInterfaces.Select(i => Key(i) ?? ModuleReader.Name(i)));
        return all.ToEquatableArray();
    }

    /// <summary>A type as this project's pipelines are keyed (<c>ResolvedPipeline.Message.Type.Erased.Display</c>).</summary>
    private static string? Key(ITypeSymbol type) => TypeRefFactory.TryCreate(type, out var typeRef) ? typeRef.Erased.Display : null;

    private static bool IsMessageFor(CallSiteKind kind, INamedTypeSymbol message)
        => message.AllInterfaces.Any(i => kind == CallSiteKind.Send
            ? KnownTypes.IsRequest(i) || KnownTypes.IsVoidRequest(i)
            : KnownTypes.IsStreamRequest(i));

    private static bool ContainsTypeParameters(INamedTypeSymbol type)
        => type.TypeArguments.Any(a => a.TypeKind == TypeKind.TypeParameter || (a is INamedTypeSymbol named && ContainsTypeParameters(named)))
            || (type.ContainingType is { } outer && ContainsTypeParameters(outer));

    /// <summary>A module's <c>RegisterModule</c>: the static method of that name on the mediator its assembly describes.</summary>
    private static CallSite? ModuleRegistration(InvocationExpressionSyntax invocation, SemanticModel model, LocationInfo location, CancellationToken cancellationToken)
        => model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { IsStatic: true } method && ModuleOf(method.ContainingType) is { } module
            ? new CallSite(CallSiteKind.ModuleRegistration, method.ContainingType.ToDisplayString() + "." + method.Name, CallReceiver.ModuleMediator, module, null, location)
            : null;

    /// <summary><c>services.AddX()</c> that binds to nothing: the generated registration, if this project has one.</summary>
    private static CallSite? Registration(
        string name,
        InvocationExpressionSyntax invocation,
        MemberAccessExpressionSyntax access,
        SemanticModel model,
        LocationInfo location,
        CancellationToken cancellationToken)
    {
        var bound = model.GetSymbolInfo(invocation, cancellationToken);
        if (bound.Symbol is not null || bound.CandidateSymbols.Length > 0
            || model.GetTypeInfo(access.Expression, cancellationToken).Type is not INamedTypeSymbol receiver
            || !IsServiceCollection(receiver))
        {
            return null;
        }

        return new CallSite(CallSiteKind.Registration, name, CallReceiver.Interface, null, null, location);
    }

    private static bool IsServiceCollection(INamedTypeSymbol type)
        => type.ToDisplayString() == KnownTypes.ServiceCollection || type.AllInterfaces.Any(i => i.ToDisplayString() == KnownTypes.ServiceCollection);

    /// <summary>The assembly whose <c>[assembly: MediatorModule]</c> names <paramref name="mediator"/>, if any.</summary>
    private static string? ModuleOf(INamedTypeSymbol mediator)
    {
        var assembly = mediator.ContainingAssembly;
        return assembly is not null && assembly.GetAttributes().Any(a =>
                a.AttributeClass?.ToDisplayString() == ModuleReader.ModuleAttribute
                && a.ConstructorArguments.Length > 0
                && SymbolEqualityComparer.Default.Equals(a.ConstructorArguments[0].Value as ITypeSymbol, mediator))
            ? assembly.Name
            : null;
    }
}
