using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Mediator.SourceGenerator.Analyzers.Migration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// Plans the rewrite of one method that implements a MediatR contract: its signature becomes ours (ValueTask returns;
/// a behaviour's <c>Handle(request, token, next)</c> or <c>Handle(request, next, token)</c> becomes
/// <c>InvokeAsync&lt;TNext&gt;(request, next, context)</c>; the synchronous base classes' <c>Handle(request)</c> takes a
/// token and becomes public) and its returns follow (<see cref="ValueTaskReturns"/>).
/// </summary>
internal static class MethodPort
{
    public static IEnumerable<(SyntaxNode Node, System.Func<SyntaxNode, SyntaxNode?> Rewrite, int Stage)> Plan(
        MethodDeclarationSyntax method, MediatRContract kind, INamedTypeSymbol contract, OurNames names, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            yield break;
        }

        switch (kind)
        {
            case MediatRContract.PipelineBehavior:
                foreach (var edit in PlanBehavior(method, symbol, contract, names, model, cancellationToken))
                {
                    yield return edit;
                }

                yield break;
            case MediatRContract.SyncRequestHandlerBase:
                yield return (method, m => ToPublicWithToken(ValueTaskReturns.FromSynchronous((MethodDeclarationSyntax)m, names, hasValue: true), names), Stages.Methods);
                yield break;
            case MediatRContract.SyncVoidRequestHandlerBase or MediatRContract.SyncNotificationHandlerBase:
                yield return (method, m => ToPublicWithToken(ValueTaskReturns.FromSynchronous((MethodDeclarationSyntax)m, names, hasValue: false), names), Stages.Methods);
                yield break;
            case MediatRContract.AsyncVoidRequestHandlerBase:
                yield return (method, m => ToPublic(ValueTaskReturns.FromTask((MethodDeclarationSyntax)m, names, unitIsVoid: false)), Stages.Methods);
                yield break;
            case MediatRContract.PostProcessor when symbol.Parameters.Length == 2:
                // MediatR 5 and 6: Process(request, response), without a token; ours takes one.
                yield return (method, m => WithToken(ValueTaskReturns.FromTask((MethodDeclarationSyntax)m, names, unitIsVoid: false), names), Stages.Methods);
                yield break;
            default:
                // MediatR 5 to 11's IRequestHandler<TRequest> returns Task<Unit>; ours returns ValueTask.
                var unitIsVoid = kind == MediatRContract.VoidRequestHandler;
                yield return (method, m => ValueTaskReturns.FromTask((MethodDeclarationSyntax)m, names, unitIsVoid), Stages.Methods);
                yield break;
        }
    }

    private static IEnumerable<(SyntaxNode Node, System.Func<SyntaxNode, SyntaxNode?> Rewrite, int Stage)> PlanBehavior(
        MethodDeclarationSyntax method, IMethodSymbol symbol, INamedTypeSymbol contract, OurNames names, SemanticModel model, CancellationToken cancellationToken)
    {
        var request = symbol.Parameters.FirstOrDefault(p => !IsToken(p.Type) && !MediatRApi.IsMediatRType(p.Type));
        var next = symbol.Parameters.FirstOrDefault(p => MediatRApi.IsMediatRType(p.Type) && p.Type.Name == "RequestHandlerDelegate");
        var token = symbol.Parameters.FirstOrDefault(p => IsToken(p.Type));
        if (request is null || next is null || method.Body is null && method.ExpressionBody is null)
        {
            yield break;
        }

        var declared = method.DescendantNodes().Select(n => n switch
        {
            ParameterSyntax p => p.Identifier.ValueText,
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            _ => null,
        }).Where(n => n is not null).ToList();
        var contextName = declared.Contains("context") ? "messageContext" : "context";
        var requestName = request.Name;
        var nextName = next.Name;
        var body = (SyntaxNode?)method.Body ?? method.ExpressionBody!;
        foreach (var identifier in body.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var bound = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (token is not null && SymbolEqualityComparer.Default.Equals(bound, token))
            {
                yield return (identifier, i => ContextToken(contextName).WithTriviaFrom(i), Stages.BodyReferences);
            }
            else if (SymbolEqualityComparer.Default.Equals(bound, next) && identifier.Parent is InvocationExpressionSyntax call && call.Expression == identifier)
            {
                yield return (call, c => CallNext((InvocationExpressionSyntax)c, nextName, requestName, contextName), Stages.NextCalls);
            }
        }

        var message = contract.TypeArguments[0].ToMinimalDisplayString(model, method.SpanStart);
        var result = contract.TypeArguments[1].ToMinimalDisplayString(model, method.SpanStart);
        var requestIndex = symbol.Parameters.IndexOf(request);
        yield return (method, m => BehaviorSignature(ValueTaskReturns.FromTask((MethodDeclarationSyntax)m, names, unitIsVoid: false), requestIndex, nextName, contextName, message, result, names), Stages.Methods);
    }

    private static bool IsToken(ITypeSymbol type)
        => type is { Name: "CancellationToken", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Threading";

    private static ExpressionSyntax ContextToken(string contextName)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(contextName), SyntaxFactory.IdentifierName("CancellationToken"));

    /// <summary><c>next()</c> becomes <c>next.InvokeAsync(request, context)</c>; MediatR 12.5's <c>next(token)</c> with another token passes a context that carries it.</summary>
    private static SyntaxNode CallNext(InvocationExpressionSyntax call, string nextName, string requestName, string contextName)
    {
        ExpressionSyntax context = SyntaxFactory.IdentifierName(contextName);
        if (call.ArgumentList.Arguments.FirstOrDefault() is { } argument && argument.Expression.ToString() != ContextToken(contextName).ToString())
        {
            context = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, context, SyntaxFactory.IdentifierName("WithCancellationToken")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(argument.WithoutTrivia())));
        }

        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName(nextName), SyntaxFactory.IdentifierName("InvokeAsync")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(SyntaxFactory.IdentifierName(requestName)), SyntaxFactory.Argument(context) })))
            .WithTriviaFrom(call)
            .WithAdditionalAnnotations(ValueTaskReturns.ReturnsValueTask);
    }

    /// <summary><c>Handle(request, token, next)</c> becomes <c>InvokeAsync&lt;TNext&gt;(request, TNext next, MessageContext context) where TNext : struct, INext&lt;TRequest, TResponse&gt;</c>.</summary>
    private static MethodDeclarationSyntax BehaviorSignature(
        MethodDeclarationSyntax method, int requestIndex, string nextName, string contextName, string message, string result, OurNames names)
    {
        var parameters = SyntaxFactory.SeparatedList(new[]
        {
            method.ParameterList.Parameters[requestIndex].WithoutTrivia(),
            SyntaxFactory.Parameter(SyntaxFactory.Identifier(nextName)).WithType(SyntaxFactory.IdentifierName("TNext")),
            SyntaxFactory.Parameter(SyntaxFactory.Identifier(contextName)).WithType(names.Type("MessageContext")),
        }.Select((p, i) => i == 0 ? p : p.WithLeadingTrivia(SyntaxFactory.Space)));
        method = method
            .WithIdentifier(SyntaxFactory.Identifier("InvokeAsync").WithTriviaFrom(method.Identifier))
            .WithTypeParameterList(SyntaxFactory.TypeParameterList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.TypeParameter("TNext"))))
            .WithParameterList(method.ParameterList.WithParameters(parameters));
        if (method.ExplicitInterfaceSpecifier is { } specifier)
        {
            // An explicit implementation inherits the interface method's constraints and may not restate them.
            return method.WithExplicitInterfaceSpecifier(specifier.WithName((NameSyntax)names.Rename(specifier.Name, "IRequestMiddleware")));
        }

        var next = SyntaxFactory.GenericName(SyntaxFactory.Identifier("INext"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.ParseTypeName(message), SyntaxFactory.ParseTypeName(result) })));
        var constraint = SyntaxFactory.TypeParameterConstraintClause(SyntaxFactory.IdentifierName("TNext"))
            .WithConstraints(SyntaxFactory.SeparatedList<TypeParameterConstraintSyntax>(new TypeParameterConstraintSyntax[]
            {
                SyntaxFactory.ClassOrStructConstraint(SyntaxKind.StructConstraint),
                SyntaxFactory.TypeConstraint(names.Type("INext") is IdentifierNameSyntax ? next : SyntaxFactory.QualifiedName((NameSyntax)((QualifiedNameSyntax)names.Type("INext")).Left, next)),
            }));

        // The clause goes on its own line under the signature, indented one level deeper than the method.
        var indentation = SyntaxEditing.Indentation(method).Select(t => t.ToString()).FirstOrDefault() ?? string.Empty;
        var endOfLine = SyntaxEditing.EndOfLine(method);
        constraint = constraint.WithLeadingTrivia(endOfLine, SyntaxFactory.Whitespace(indentation + "    "));
        var parameterList = method.ParameterList;
        return method
            .WithParameterList(parameterList.WithCloseParenToken(parameterList.CloseParenToken.WithTrailingTrivia()))
            .WithConstraintClauses(method.ConstraintClauses.Add(constraint.WithTrailingTrivia(parameterList.CloseParenToken.TrailingTrivia)));
    }

    private static MethodDeclarationSyntax ToPublicWithToken(MethodDeclarationSyntax method, OurNames names) => WithToken(ToPublic(method), names);

    /// <summary>Adds <c>CancellationToken cancellationToken</c> as the last parameter.</summary>
    private static MethodDeclarationSyntax WithToken(MethodDeclarationSyntax method, OurNames names)
    {
        var token = SyntaxFactory.Parameter(SyntaxFactory.Identifier("cancellationToken")).WithType(names.CancellationToken()).WithLeadingTrivia(SyntaxFactory.Space);
        return method.WithParameterList(method.ParameterList.AddParameters(token));
    }

    /// <summary>A base class's <c>protected override</c> Handle becomes the interface's public one.</summary>
    private static MethodDeclarationSyntax ToPublic(MethodDeclarationSyntax method)
    {
        var dropped = new[] { SyntaxKind.ProtectedKeyword, SyntaxKind.InternalKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.PublicKeyword, SyntaxKind.OverrideKeyword, SyntaxKind.SealedKeyword };
        var leading = method.Modifiers.Count > 0 ? method.Modifiers[0].LeadingTrivia : method.ReturnType.GetLeadingTrivia();
        var kept = method.Modifiers.Where(m => !dropped.Any(k => m.IsKind(k))).Select(m => m.WithLeadingTrivia());
        var modifiers = SyntaxFactory.TokenList(new[] { SyntaxFactory.Token(SyntaxKind.PublicKeyword).WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space) }.Concat(kept));
        if (method.Modifiers.Count == 0)
        {
            method = method.WithReturnType(method.ReturnType.WithLeadingTrivia());
        }

        return method.WithModifiers(modifiers);
    }
}
