using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Analyzers.Migration;

/// <summary>The syntax shapes of MediatR code that the analyzer reports and the code fix rewrites: one definition for both.</summary>
internal static class MigrationSyntax
{
    /// <summary><c>using MediatR;</c> or <c>using MediatR.Something;</c>, global or not; not an alias or a static import.</summary>
    public static bool IsMediatRUsing(UsingDirectiveSyntax directive)
        => directive.Alias is null && !directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) && directive.Name is { } name
            && (name.ToString() == "MediatR" || name.ToString().StartsWith("MediatR.", System.StringComparison.Ordinal));

    /// <summary>
    /// The statement (an expression statement, or a top-level one) when <paramref name="invocation"/> is the whole of it
    /// and registers MediatR in a service collection: <c>x.AddMediatR(...)</c>, or <c>x.AddSomething&lt;...&gt;(...)</c> /
    /// <c>x.AddSomething(typeof(...), ...)</c> naming a MediatR type (<c>IMediator</c>, <c>ServiceFactory</c>, a handler
    /// or behaviour contract). Null otherwise.
    /// </summary>
    public static StatementSyntax? IsRegistrationStatement(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (invocation.Parent is not ExpressionStatementSyntax statement
            || invocation.Expression is not MemberAccessExpressionSyntax { Name: var name }
            || !name.Identifier.ValueText.StartsWith("Add", System.StringComparison.Ordinal))
        {
            return null;
        }

        var registers = name.Identifier.ValueText == "AddMediatR"
            || (name is GenericNameSyntax generic && generic.TypeArgumentList.Arguments.Any(a => MediatRApi.MentionsMediatRType(model.GetTypeInfo(a, cancellationToken).Type)))
            || invocation.ArgumentList.Arguments.Any(a => a.Expression is TypeOfExpressionSyntax typeOf
                && MediatRApi.MentionsMediatRType(model.GetTypeInfo(typeOf.Type, cancellationToken).Type));
        return registers ? statement : null;
    }

    /// <summary>A MediatR <c>Send</c>/<c>Publish</c> whose result is not awaited (directly or through <c>ConfigureAwait</c>).</summary>
    public static bool IsTaskResultDispatch(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("Send" or "Publish")
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method || !MediatRApi.IsTaskReturningDispatch(method))
        {
            return false;
        }

        SyntaxNode outer = invocation;
        while (outer.Parent is ParenthesizedExpressionSyntax)
        {
            outer = outer.Parent;
        }

        if (outer.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
            && configure.Parent is InvocationExpressionSyntax configured)
        {
            outer = configured;
        }

        // An expression statement discards the task: after the port it discards a ValueTask, which is no different.
        return outer.Parent is not (AwaitExpressionSyntax or ExpressionStatementSyntax);
    }
}
