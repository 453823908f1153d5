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
using Microsoft.CodeAnalysis.FindSymbols;

namespace Mediator.SourceGenerator.CodeFixes;

/// <summary>
/// MED0032: makes a middleware field <c>readonly</c>, offered only when that cannot change what the code does: the
/// field is written nowhere but in its own class's instance constructors, it is not volatile, it shares its
/// declaration with no other field, and it is not a mutable struct (whose method calls would then mutate a copy).
/// Never offered for a field reported because it holds a mutable object (a <c>Stopwatch</c>, a <c>List&lt;T&gt;</c>),
/// readonly or not: readonly would not stop concurrent messages changing that object.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeFieldReadonlyCodeFix))]
[Shared]
public sealed class MakeFieldReadonlyCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.MiddlewareHasMutableState.Id);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            // A field that holds a mutable object (readonly or not) is not made safe by readonly: no fix.
            if (!diagnostic.Properties.TryGetValue(MutableMiddlewareStateAnalyzer.IsFieldProperty, out var isField) || isField != "true"
                || !diagnostic.Properties.TryGetValue(MutableMiddlewareStateAnalyzer.HoldsMutableObjectProperty, out var holdsMutable) || holdsMutable != "false"
                || root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<VariableDeclaratorSyntax>() is not { } variable
                || variable.Parent?.Parent is not FieldDeclarationSyntax { Declaration.Variables.Count: 1 } declaration
                || declaration.Modifiers.Any(SyntaxKind.VolatileKeyword)
                || model?.GetDeclaredSymbol(variable, context.CancellationToken) is not IFieldSymbol field
                || !IsSafeTypeForReadonly(field.Type)
                || !await IsWrittenOnlyInConstructorsAsync(field, context.Document.Project.Solution, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Make '{field.Name}' readonly",
                    cancellationToken => MakeReadonlyAsync(context.Document, declaration, cancellationToken),
                    equivalenceKey: nameof(MakeFieldReadonlyCodeFix)),
                diagnostic);
        }
    }

    private static bool IsSafeTypeForReadonly(ITypeSymbol type)
        => !type.IsValueType || type.IsReadOnly || type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum;

    private static async Task<bool> IsWrittenOnlyInConstructorsAsync(IFieldSymbol field, Solution solution, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(field, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var root = await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (IsWrite(node) && !InOwnInstanceConstructor(node, field, await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false), cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Assigned, incremented, passed by ref or out, or taken by reference: anything readonly forbids.</summary>
    private static bool IsWrite(SyntaxNode node)
    {
        var expression = node.Parent is MemberAccessExpressionSyntax access && access.Name == node ? access : node;
        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PrefixUnaryExpressionSyntax prefix => prefix.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression or SyntaxKind.AddressOfExpression,
            PostfixUnaryExpressionSyntax postfix => postfix.Kind() is SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression,
            // A tuple element may be the target of a deconstruction; treating every one as a write only loses a fix.
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) || argument.Parent is TupleExpressionSyntax,
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>Directly in an instance constructor of the field's class; not in a lambda or local function there.</summary>
    private static bool InOwnInstanceConstructor(SyntaxNode node, IFieldSymbol field, SemanticModel? model, CancellationToken cancellationToken)
        => SyntaxEditing.EnclosingFunction(node) is ConstructorDeclarationSyntax constructor
            && !constructor.Modifiers.Any(SyntaxKind.StaticKeyword)
            && model?.GetDeclaredSymbol(constructor, cancellationToken) is { } symbol
            && SymbolEqualityComparer.Default.Equals(symbol.ContainingType, field.ContainingType);

    private static async Task<Document> MakeReadonlyAsync(Document document, FieldDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var readonlyToken = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        FieldDeclarationSyntax updated;
        if (declaration.Modifiers.Count == 0)
        {
            // The type carried the line's indentation; the new first token takes it over.
            var type = declaration.Declaration.Type;
            updated = declaration
                .WithDeclaration(declaration.Declaration.WithType(type.WithLeadingTrivia()))
                .WithModifiers(SyntaxFactory.TokenList(readonlyToken.WithLeadingTrivia(type.GetLeadingTrivia())));
        }
        else
        {
            updated = declaration.WithModifiers(declaration.Modifiers.Add(readonlyToken));
        }

        return document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
    }
}
