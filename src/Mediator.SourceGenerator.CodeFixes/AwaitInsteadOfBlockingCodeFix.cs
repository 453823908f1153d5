using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mediator.SourceGenerator.Analyzers;
using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes;

/// <summary>
/// MED0033: replaces <c>task.Result</c> and <c>task.GetAwaiter().GetResult()</c> with <c>await task</c>. Offered in a
/// method that is async, or that returns Task/ValueTask and can be made async: then every return of the method is
/// rewritten to return the value (<c>return new(x);</c> becomes <c>return x;</c>, anything else <c>return await e;</c>).
/// Not offered in lambdas, local functions, iterators, lock statements or queries, where that could not compile.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AwaitInsteadOfBlockingCodeFix))]
[Shared]
public sealed class AwaitInsteadOfBlockingCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.BlockingCallInPipeline.Id);

    /// <inheritdoc />
    public override FixAllProvider? GetFixAllProvider() => null;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(BlockingCallAnalyzer.KindProperty, out var kind) || kind != BlockingCalls.AwaitableKind
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax blocking
                || AwaitedExpression(blocking) is not { } awaited
                || SyntaxEditing.EnclosingFunction(blocking) is not MethodDeclarationSyntax method
                || blocking.Ancestors().TakeWhile(a => a != method).Any(a => a is LockStatementSyntax or QueryExpressionSyntax)
                || model?.GetDeclaredSymbol(method, context.CancellationToken) is not { } symbol
                || Plan(method, symbol) is not { } rewriteReturns)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use await",
                    cancellationToken => Task.FromResult(Apply(context.Document, root, method, blocking, awaited, rewriteReturns)),
                    equivalenceKey: nameof(AwaitInsteadOfBlockingCodeFix)),
                diagnostic);
        }
    }

    /// <summary><c>X</c> in <c>X.Result</c> or <c>X.GetAwaiter().GetResult()</c>.</summary>
    private static ExpressionSyntax? AwaitedExpression(ExpressionSyntax blocking) => blocking switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
        InvocationExpressionSyntax
        {
            ArgumentList.Arguments.Count: 0,
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "GetResult",
                Expression: InvocationExpressionSyntax
                {
                    ArgumentList.Arguments.Count: 0,
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter,
                },
            },
        } => getAwaiter.Expression,
        _ => null,
    };

    /// <summary>
    /// Null when the fix cannot apply; false when the method is already async; true when it must become async and its
    /// returns be rewritten, which is only possible for Task/ValueTask methods whose returns can all be rewritten.
    /// </summary>
    private static bool? Plan(MethodDeclarationSyntax method, IMethodSymbol symbol)
    {
        if (symbol.IsAsync)
        {
            return false;
        }

        if (symbol.ReturnType is not INamedTypeSymbol { Name: "Task" or "ValueTask" } returnType
            || returnType.ContainingNamespace?.ToDisplayString() != "System.Threading.Tasks"
            || OwnNodes(method).Any(n => n is YieldStatementSyntax))
        {
            return null;
        }

        var hasValue = returnType.Arity == 1;
        var results = method.ExpressionBody is { } arrow
            ? new[] { arrow.Expression }
            : OwnNodes(method).OfType<ReturnStatementSyntax>().Select(r => r.Expression).ToArray();
        return results.All(e => e is not null && RewriteResult(e, hasValue) is not null) ? true : null;
    }

    /// <summary>What an async method returns instead of the task-producing expression <paramref name="result"/>, or null.</summary>
    private static ExpressionSyntax? RewriteResult(ExpressionSyntax result, bool hasValue)
    {
        var completedWith = CompletedValue(result);
        if (!hasValue)
        {
            // A non-generic task method may only return a completed task to become a plain "return;".
            return completedWith is { Count: 0 } ? result : null;
        }

        return completedWith switch
        {
            { Count: 1 } => completedWith[0],
            null when result is not ImplicitObjectCreationExpressionSyntax && !result.IsKind(SyntaxKind.DefaultLiteralExpression) => Await(result),
            _ => null,
        };
    }

    /// <summary>The arguments of <c>new(x)</c>, <c>new ValueTask&lt;T&gt;(x)</c>, <c>Task.FromResult(x)</c>, <c>Task.CompletedTask</c>, <c>default</c>; null for anything else.</summary>
    private static IReadOnlyList<ExpressionSyntax>? CompletedValue(ExpressionSyntax result) => result switch
    {
        BaseObjectCreationExpressionSyntax creation
            when creation is ImplicitObjectCreationExpressionSyntax || ((ObjectCreationExpressionSyntax)creation).Type.ToString().StartsWith("ValueTask", System.StringComparison.Ordinal)
            => creation.ArgumentList?.Arguments.Select(a => a.Expression).ToList() ?? new List<ExpressionSyntax>(),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult" }, ArgumentList.Arguments: { Count: 1 } arguments }
            => new[] { arguments[0].Expression },
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" } => new List<ExpressionSyntax>(),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression) => new List<ExpressionSyntax>(),
        _ => null,
    };

    private static Document Apply(Document document, SyntaxNode root, MethodDeclarationSyntax method, ExpressionSyntax blocking, ExpressionSyntax awaited, bool rewriteReturns)
    {
        var replacement = Await(awaited.WithoutTrivia());
        if (blocking.Parent is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax or InvocationExpressionSyntax
            or ConditionalAccessExpressionSyntax or PostfixUnaryExpressionSyntax)
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        var updated = method.ReplaceNode(blocking, replacement.WithTriviaFrom(blocking));
        if (rewriteReturns)
        {
            updated = MakeAsync(updated);
        }

        return document.WithSyntaxRoot(root.ReplaceNode(method, updated));
    }

    private static MethodDeclarationSyntax MakeAsync(MethodDeclarationSyntax method)
    {
        // Returns are rewritten first, while the method still has the shape Plan checked.
        var hasValue = method.ReturnType is GenericNameSyntax || (method.ReturnType is QualifiedNameSyntax { Right: GenericNameSyntax });
        if (method.ExpressionBody is { } arrow)
        {
            method = hasValue
                ? method.WithExpressionBody(arrow.WithExpression(RewriteResult(arrow.Expression, true)!.WithTriviaFrom(arrow.Expression)))
                : method.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(SyntaxFactory.Block().WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
        }
        else
        {
            method = method.ReplaceNodes(
                OwnNodes(method).OfType<ReturnStatementSyntax>(),
                (original, _) => hasValue
                    ? original.WithExpression(RewriteResult(original.Expression!, true)!.WithTriviaFrom(original.Expression!))
                    : original.WithExpression(null).WithReturnKeyword(original.ReturnKeyword.WithTrailingTrivia()));
        }

        var asyncToken = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (method.Modifiers.Count == 0)
        {
            var type = method.ReturnType;
            return method.WithReturnType(type.WithLeadingTrivia()).WithModifiers(SyntaxFactory.TokenList(asyncToken.WithLeadingTrivia(type.GetLeadingTrivia())));
        }

        return method.WithModifiers(method.Modifiers.Add(asyncToken));
    }

    private static ExpressionSyntax Await(ExpressionSyntax expression)
        => SyntaxFactory.AwaitExpression(SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression);

    /// <summary>The method's nodes outside nested lambdas and local functions, whose returns are their own.</summary>
    private static IEnumerable<SyntaxNode> OwnNodes(MethodDeclarationSyntax method)
        => ((SyntaxNode?)method.Body ?? method.ExpressionBody)?.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            ?? Enumerable.Empty<SyntaxNode>();
}
