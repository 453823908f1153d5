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

/// <summary>MED0034: adds <c>[Handler]</c> or <c>[Middleware]</c> to the class, and <c>using Mediator;</c> if the name would not resolve.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingAttributeCodeFix))]
[Shared]
public sealed class AddMissingAttributeCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ContractWithoutAttribute.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(MissingAttributeAnalyzer.AttributeProperty, out var attribute) || attribute is null
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add [{attribute}]",
                    cancellationToken => AddAttributeAsync(context.Document, declaration, attribute, cancellationToken),
                    equivalenceKey: nameof(AddMissingAttributeCodeFix) + attribute),
                diagnostic);
        }
    }

    private static async Task<Document> AddAttributeAsync(Document document, ClassDeclarationSyntax declaration, string attribute, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var endOfLine = SyntaxEditing.EndOfLine(root);

        var marked = SyntaxEditing.WithAttributeOnTop(declaration, SyntaxFactory.IdentifierName(attribute), endOfLine);
        var newRoot = root.ReplaceNode(declaration, marked);
        if (!Resolves(model, declaration.SpanStart, attribute))
        {
            newRoot = AddUsingMediator(newRoot, endOfLine);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>Whether the attribute's short name already means ours where the class is (a using, a global using, or namespace Mediator).</summary>
    private static bool Resolves(SemanticModel? model, int position, string attribute)
    {
        var symbol = model?.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseName(attribute + "Attribute"), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        return symbol is INamedTypeSymbol { ContainingNamespace: { Name: "Mediator", ContainingNamespace.IsGlobalNamespace: true } };
    }

    /// <summary>Inserts <c>using Mediator;</c> among the file's usings in ordinal order after the System ones, or on top.</summary>
    private static CompilationUnitSyntax AddUsingMediator(CompilationUnitSyntax root, SyntaxTrivia endOfLine)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("Mediator")).WithTrailingTrivia(endOfLine);
        var usings = root.Usings;
        var index = 0;
        while (index < usings.Count && SortsBeforeMediator(usings[index]))
        {
            index++;
        }

        if (usings.Count == 0)
        {
            // A blank line between the new using and whatever follows.
            return root.WithUsings(usings.Add(directive.WithTrailingTrivia(endOfLine, endOfLine)));
        }

        if (index == 0)
        {
            // Keep the file's leading trivia (a header comment) in front of the first using.
            directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia());
        }

        return root.WithUsings(usings.Insert(index, directive));
    }

    private static bool SortsBeforeMediator(UsingDirectiveSyntax directive)
    {
        if (directive.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || directive.Alias is not null || directive.Name is null)
        {
            return false;
        }

        var name = directive.Name.ToString();
        return name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal) || string.CompareOrdinal(name, "Mediator") < 0;
    }
}
