using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Whether the compiler's parser rejected a declaration: a syntax error outside method bodies, in any file. The
/// generator then reports nothing: the declarations it read may not be the ones the author wrote (a lost brace nests the
/// next class, a lost comma merges two attributes), so whatever it would conclude (a request without a handler, two
/// middlewares with one order) may be an echo of the syntax error, which the compiler already reports.
/// </summary>
/// <remarks>
/// Syntax errors inside bodies (a method's block or expression body, a field or property initializer) are left out: the
/// generator never reads bodies, and an edit there leaves its discoveries cached. Top-level statements are not bodies
/// here: what a syntax error leaves of a declaration in a file without a namespace is parsed as top-level statements
/// (<c>class H M.IRequestHandler&lt;Ping, int&gt; { }</c>). This runs on every edit; it reads the flag every syntax node
/// carries, and walks only a tree that has an error.
/// </remarks>
internal static class SyntaxErrors
{
    public static bool InDeclarations(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            if (root.ContainsDiagnostics
                && tree.GetDiagnostics(cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error && !IsInBody(root, d.Location.SourceSpan.Start)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Modifiers the parser accepts and the compiler rejects on a type (CS1004 for a repeated modifier, CS0418 and CS0441
    /// for two of <c>abstract</c>, <c>sealed</c> and <c>static</c>, CS9052 for <c>file</c> with an accessibility): the
    /// generator would otherwise report on a declaration whose meaning is not settled, as it does for a syntax error.
    /// </summary>
    public static bool HasConflictingModifiers(MemberDeclarationSyntax node)
    {
        var modifiers = node.Modifiers;
        var exclusive = 0;
        var isFile = false;
        var accessibility = false;
        for (var i = 0; i < modifiers.Count; i++)
        {
            var kind = modifiers[i].Kind();
            if (kind is SyntaxKind.AbstractKeyword or SyntaxKind.SealedKeyword or SyntaxKind.StaticKeyword)
            {
                exclusive++;
            }

            isFile |= modifiers[i].ValueText == "file";
            accessibility |= kind is SyntaxKind.PublicKeyword or SyntaxKind.InternalKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.PrivateKeyword;

            for (var j = i + 1; j < modifiers.Count; j++)
            {
                if (modifiers[j].IsKind(kind))
                {
                    return true;
                }
            }
        }

        return exclusive > 1 || (isFile && accessibility);
    }

    private static bool IsInBody(SyntaxNode root, int position)
    {
        for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case GlobalStatementSyntax:
                    return false;
                case BlockSyntax or ArrowExpressionClauseSyntax:
                    return true;
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                    return true;
                case EqualsValueClauseSyntax { Parent.Parent.Parent: FieldDeclarationSyntax field } when !field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
