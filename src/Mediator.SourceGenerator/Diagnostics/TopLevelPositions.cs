using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator.Diagnostics;

/// <summary>
/// Carries a span from one syntax tree to a top-level equivalent one (the same declarations, other method bodies):
/// both trees are walked side by side, skipping what top-level equivalence skips, down to the token that holds the
/// span, whose offset in the new tree gives the new span.
/// </summary>
internal static class TopLevelPositions
{
    /// <summary>The span in <paramref name="to"/>, or null when it lies inside a body or the trees do not match.</summary>
    public static TextSpan? Map(SyntaxTree from, SyntaxTree to, TextSpan span)
    {
        var oldRoot = from.GetRoot();
        var newRoot = to.GetRoot();
        if (Map(oldRoot, newRoot, span.Start, skipInitializers: false) is not { } start)
        {
            return null;
        }

        if (span.Length == 0)
        {
            return new TextSpan(start, 0);
        }

        return Map(oldRoot, newRoot, span.End - 1, skipInitializers: false) is { } last && last + 1 >= start
            ? TextSpan.FromBounds(start, last + 1)
            : null;
    }

    private static int? Map(SyntaxNode oldNode, SyntaxNode newNode, int position, bool skipInitializers)
    {
        while (true)
        {
            using var oldChildren = Children(oldNode, skipInitializers).GetEnumerator();
            using var newChildren = Children(newNode, skipInitializers).GetEnumerator();
            SyntaxNode? nextOld = null;
            SyntaxNode? nextNew = null;
            while (oldChildren.MoveNext())
            {
                if (!newChildren.MoveNext())
                {
                    return null;
                }

                var oldChild = oldChildren.Current;
                var newChild = newChildren.Current;
                if (!oldChild.FullSpan.Contains(position))
                {
                    continue;
                }

                if (oldChild.RawKind != newChild.RawKind)
                {
                    return null;
                }

                if (oldChild.IsToken)
                {
                    var offset = position - oldChild.Span.Start;
                    var moved = newChild.Span.Start + offset;
                    return moved < newChild.FullSpan.Start || moved >= newChild.FullSpan.End ? null : moved;
                }

                nextOld = oldChild.AsNode();
                nextNew = newChild.AsNode();
                break;
            }

            if (nextOld is null || nextNew is null || nextOld.IsKind(SyntaxKind.Block) || nextOld.IsKind(SyntaxKind.ArrowExpressionClause))
            {
                return null;
            }

            // Below a field that is not const, top-level equivalence ignores the initializer (and so must this walk).
            if (nextOld is FieldDeclarationSyntax oldField && nextNew is FieldDeclarationSyntax newField
                && !oldField.Modifiers.Any(SyntaxKind.ConstKeyword) && !newField.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                skipInitializers = true;
            }

            oldNode = nextOld;
            newNode = nextNew;
        }
    }

    private static IEnumerable<SyntaxNodeOrToken> Children(SyntaxNode node, bool skipInitializers)
    {
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (!(skipInitializers && child.IsNode && child.IsKind(SyntaxKind.EqualsValueClause)))
            {
                yield return child;
            }
        }
    }
}
