using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.CodeFixes;

/// <summary>Small syntax helpers the code fixes share.</summary>
internal static class SyntaxEditing
{
    /// <summary>The line ending the file already uses, so that an inserted line matches its neighbours.</summary>
    public static SyntaxTrivia EndOfLine(SyntaxNode root)
        => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } found && found.IsKind(SyntaxKind.EndOfLineTrivia)
            ? found
            : SyntaxFactory.EndOfLine("\n");

    /// <summary>The whitespace that indents the line a node starts on (the last whitespace before it), or none.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        return leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading.Last())
            : SyntaxFactory.TriviaList();
    }

    /// <summary>
    /// The class with <c>[name]</c> as its first attribute list, on a line of its own: the new list takes the class's
    /// leading trivia (doc comment, indentation), and the class keeps the indentation.
    /// </summary>
    public static ClassDeclarationSyntax WithAttributeOnTop(ClassDeclarationSyntax declaration, NameSyntax name, SyntaxTrivia endOfLine)
        => WithAttributeOnTop(declaration, SyntaxFactory.Attribute(name), endOfLine);

    /// <inheritdoc cref="WithAttributeOnTop(ClassDeclarationSyntax, NameSyntax, SyntaxTrivia)"/>
    public static ClassDeclarationSyntax WithAttributeOnTop(ClassDeclarationSyntax declaration, AttributeSyntax attribute, SyntaxTrivia endOfLine)
    {
        var list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute))
            .WithLeadingTrivia(declaration.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.TriviaList(endOfLine).AddRange(Indentation(declaration)));
        var marked = declaration.WithoutLeadingTrivia();
        return marked.WithAttributeLists(marked.AttributeLists.Insert(0, list));
    }

    /// <summary>The method, accessor, lambda or local function whose body contains the node.</summary>
    public static SyntaxNode? EnclosingFunction(SyntaxNode node)
        => node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
            or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax);
}
