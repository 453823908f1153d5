using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mediator.SourceGenerator.Analyzers.Migration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes.Migration;

/// <summary>
/// Rewrites the places MED0060 reported in one document, all from the document's original semantic model:
/// <list type="bullet">
/// <item>a class: its MediatR contracts become ours (<see cref="ClassPlanner"/>), its methods return ValueTask, and it
/// gets <c>[Handler]</c> or <c>[Middleware]</c>;</item>
/// <item>the first <c>using MediatR*;</c> becomes <c>using Mediator;</c>, the others go;</item>
/// <item>the first MediatR registration statement of a block becomes <c>x.AddMediator();</c>, the others go;</item>
/// <item>a <c>Send</c>/<c>Publish</c> whose task is kept gets <c>.AsTask()</c>.</item>
/// </list>
/// Each place is planned first, then rewritten innermost first on the current tree: a node is found again through an
/// annotation that each rewrite copies onto its result.
/// </summary>
internal static class MediatRPort
{
    public static async Task<Document> PortAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit || model is null)
        {
            return document;
        }

        var edits = new List<(SyntaxNode Node, System.Func<SyntaxNode, SyntaxNode?> Rewrite, int Stage)>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MediatRUsageAnalyzer.SiteProperty, out var site))
            {
                continue;
            }

            var node = unit.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (site)
            {
                case MediatRUsageAnalyzer.ClassSite when node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } declaration:
                    edits.AddRange(ClassPlanner.Plan(declaration, model, cancellationToken));
                    break;
                case MediatRUsageAnalyzer.UsingSite when node.FirstAncestorOrSelf<UsingDirectiveSyntax>() is { } directive:
                    edits.Add((directive, PlanUsing(unit, directive), Stages.Usings));
                    break;
                case MediatRUsageAnalyzer.RegistrationSite when node.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax statement:
                    edits.Add((statement.Parent is GlobalStatementSyntax global ? global : statement, PlanRegistration(statement, model, cancellationToken), Stages.Registrations));
                    break;
                case MediatRUsageAnalyzer.TaskResultSite when node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation:
                    edits.Add((invocation, AsTask, Stages.TaskResults));
                    break;
            }
        }

        return document.WithSyntaxRoot(Apply(unit, edits));
    }

    /// <summary>Applies the edits stage by stage (inner rewrites first); a rewrite returning null removes its node.</summary>
    private static SyntaxNode Apply(SyntaxNode root, List<(SyntaxNode Node, System.Func<SyntaxNode, SyntaxNode?> Rewrite, int Stage)> edits)
    {
        var distinct = edits.GroupBy(e => (e.Node, e.Stage)).Select(g => g.First()).ToList();
        var marks = distinct.ToDictionary(e => e, _ => new SyntaxAnnotation("MediatRPort"));
        root = root.ReplaceNodes(distinct.Select(e => e.Node).Distinct(), (original, current) =>
            current.WithAdditionalAnnotations(distinct.Where(e => e.Node == original).Select(e => marks[e])));
        foreach (var stage in distinct.Select(e => e.Stage).Distinct().OrderBy(s => s))
        {
            foreach (var edit in distinct.Where(e => e.Stage == stage))
            {
                var mark = marks[edit];
                if (root.GetAnnotatedNodes(mark).FirstOrDefault() is not { } current)
                {
                    continue;
                }

                var rewritten = edit.Rewrite(current);
                root = rewritten is null
                    ? root.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia)!
                    : root.ReplaceNode(current, current.CopyAnnotationsTo(rewritten)!);
            }
        }

        return root;
    }

    private static System.Func<SyntaxNode, SyntaxNode?> PlanUsing(CompilationUnitSyntax unit, UsingDirectiveSyntax directive)
    {
        var all = unit.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>().ToList();
        var keepsOurs = all.Any(u => u.Alias is null && u.Name?.ToString() == "Mediator");
        var first = all.FirstOrDefault(MigrationSyntax.IsMediatRUsing);
        if (keepsOurs || first != directive)
        {
            return _ => null;
        }

        return current => ((UsingDirectiveSyntax)current).WithName(SyntaxFactory.IdentifierName("Mediator").WithTriviaFrom(((UsingDirectiveSyntax)current).Name!));
    }

    /// <summary>The first MediatR registration of a block becomes <c>receiver.AddMediator();</c>; the others, or all when the block calls AddMediator already, go.</summary>
    private static System.Func<SyntaxNode, SyntaxNode?> PlanRegistration(ExpressionStatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        var siblings = statement.Parent is GlobalStatementSyntax global
            ? ((CompilationUnitSyntax)global.Parent!).Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList()
            : statement.Parent is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax> { statement };
        var callsOurs = siblings.Any(s => s.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i =>
            i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddMediator" }));
        var first = siblings.OfType<ExpressionStatementSyntax>().FirstOrDefault(s =>
            s.Expression is InvocationExpressionSyntax i && MigrationSyntax.IsRegistrationStatement(i, model, cancellationToken) is not null);
        if (callsOurs || first != statement || statement.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            return _ => null;
        }

        var receiver = access.Expression.WithoutTrivia();
        return current =>
        {
            var target = current is GlobalStatementSyntax g ? g.Statement : current;
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("AddMediator")));
            var replaced = ((ExpressionStatementSyntax)target).WithExpression(call.WithTriviaFrom(((ExpressionStatementSyntax)target).Expression));
            return current is GlobalStatementSyntax outer ? outer.WithStatement(replaced) : replaced;
        };
    }

    private static SyntaxNode AsTask(SyntaxNode current)
    {
        var invocation = (InvocationExpressionSyntax)current;
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrivia(), SyntaxFactory.IdentifierName("AsTask")))
            .WithTriviaFrom(invocation);
    }
}

/// <summary>The order edits apply in: a node's inner rewrites come before the rewrite of the node around them.</summary>
internal static class Stages
{
    public const int TaskResults = 0;
    public const int BodyReferences = 1;
    public const int NextCalls = 2;
    public const int Methods = 3;
    public const int Classes = 4;
    public const int Usings = 5;
    public const int Registrations = 6;
}
