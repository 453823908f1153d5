using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// What one syntax tree declares and which names its declarations mention, read from syntax alone: the input of
/// <see cref="DeclarationFiles"/>, which decides from it which other files a file's scan can depend on.
/// </summary>
/// <remarks>
/// Names are simple names (<c>Ping</c> for <c>App.Ping</c> and for <c>Ping&lt;T&gt;</c>), compared as text: a name in
/// two namespaces counts as one, which can only add a dependency, never miss one. Method bodies, expression bodies and
/// field initializers are not read: the scan never reads them either (<see cref="DeclarationEquivalence"/>). A tree's
/// names are worked out once per tree object and kept as long as the tree lives.
/// </remarks>
internal sealed class DeclarationNames
{
    private static readonly ConditionalWeakTable<SyntaxTree, DeclarationNames> Known = new();

    private DeclarationNames(
        IReadOnlyList<TypeDeclarationNames> types,
        IReadOnlyList<string> namespaces,
        IReadOnlyList<string> fileReferences,
        bool isGlobal)
    {
        Types = types;
        Namespaces = namespaces;
        FileReferences = fileReferences;
        IsGlobal = isGlobal;
    }

    /// <summary>Every type declared in the tree (nested ones too), each with the names its declaration mentions.</summary>
    public IReadOnlyList<TypeDeclarationNames> Types { get; }

    /// <summary>Every namespace the tree declares, by full name (<c>App</c> and <c>App.Orders</c> for <c>namespace App.Orders</c>).</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>Names the file's using directives and extern aliases mention: lookups of every declaration in the file.</summary>
    public IReadOnlyList<string> FileReferences { get; }

    /// <summary>
    /// The tree has <c>global using</c> directives, which take part in the name lookups of every file of the project:
    /// every file's scan depends on it.
    /// </summary>
    public bool IsGlobal { get; }

    public static DeclarationNames Of(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (Known.TryGetValue(tree, out var names))
        {
            return names;
        }

        names = Read(tree.GetRoot(cancellationToken));
        try
        {
            Known.Add(tree, names);
        }
        catch (ArgumentException)
        {
            // Read by another thread meanwhile: both readings are equal.
        }

        return names;
    }

    private static DeclarationNames Read(SyntaxNode root)
    {
        var types = new List<TypeDeclarationNames>();
        var namespaces = new List<string>();
        var fileReferences = new List<string>();
        var isGlobal = false;
        if (root is CompilationUnitSyntax unit)
        {
            foreach (var alias in unit.Externs)
            {
                fileReferences.Add(alias.Identifier.ValueText);
            }

            foreach (var directive in unit.Usings)
            {
                isGlobal |= directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                AddNames(directive, fileReferences);
            }

            VisitMembers(unit.Members, string.Empty, Array.Empty<string>(), types, namespaces, fileReferences);
        }

        return new DeclarationNames(types, namespaces, fileReferences, isGlobal);
    }

    private static void VisitMembers(
        SyntaxList<MemberDeclarationSyntax> members,
        string ns,
        IReadOnlyList<string> containers,
        List<TypeDeclarationNames> types,
        List<string> namespaces,
        List<string> fileReferences)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax declaration:
                    var inner = ns;
                    foreach (var segment in declaration.Name.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
                    {
                        inner = inner.Length == 0 ? segment.Identifier.ValueText : inner + "." + segment.Identifier.ValueText;
                        namespaces.Add(inner);
                    }

                    foreach (var alias in declaration.Externs)
                    {
                        fileReferences.Add(alias.Identifier.ValueText);
                    }

                    foreach (var directive in declaration.Usings)
                    {
                        AddNames(directive, fileReferences);
                    }

                    VisitMembers(declaration.Members, inner, containers, types, namespaces, fileReferences);
                    break;
                case BaseTypeDeclarationSyntax type:
                    VisitType(type, ns, containers, types, namespaces, fileReferences);
                    break;
                case DelegateDeclarationSyntax @delegate:
                    var references = new List<string>(containers);
                    AddNames(@delegate, references);
                    types.Add(new TypeDeclarationNames(@delegate.Identifier.ValueText, references));
                    break;
            }
        }
    }

    private static void VisitType(
        BaseTypeDeclarationSyntax type,
        string ns,
        IReadOnlyList<string> containers,
        List<TypeDeclarationNames> types,
        List<string> namespaces,
        List<string> fileReferences)
    {
        // A nested type is described with its containing types (name, accessibility), so it mentions them.
        var references = new List<string>(containers);
        AddNames(type, references);
        types.Add(new TypeDeclarationNames(type.Identifier.ValueText, references));
        if (type is TypeDeclarationSyntax withMembers)
        {
            var inner = new List<string>(containers) { type.Identifier.ValueText };
            VisitMembers(withMembers.Members, ns, inner, types, namespaces, fileReferences);
        }
    }

    /// <summary>
    /// Every identifier under <paramref name="node"/> outside bodies and initializers (an attribute's name as written:
    /// <see cref="DeclarationFiles"/> files <c>HandlerAttribute</c> under <c>Handler</c> too). Nested types' names are
    /// included, which only adds dependencies.
    /// </summary>
    private static void AddNames(SyntaxNode node, List<string> names)
    {
        foreach (var token in node.DescendantTokens(static n => n is not (BlockSyntax or ArrowExpressionClauseSyntax) && !IsSkippedInitializer(n)))
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax)
            {
                names.Add(token.ValueText);
            }
        }
    }

    /// <summary>A non-const field's initializer, which top-level equivalence does not compare and the scan never reads.</summary>
    private static bool IsSkippedInitializer(SyntaxNode node)
        => node is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } }
            && !field.Modifiers.Any(SyntaxKind.ConstKeyword);
}

/// <summary>One type declaration: its simple name and the simple names it mentions (<see cref="DeclarationNames"/>).</summary>
internal sealed class TypeDeclarationNames(string name, IReadOnlyList<string> references)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> References { get; } = references;
}
