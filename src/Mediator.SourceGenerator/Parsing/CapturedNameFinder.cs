using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Finds names in the user's declarations that the generated class would capture. Inside the mediator's namespace (and
/// the namespaces in it), C# looks a simple name up in that namespace before the global one, so once
/// <c>App.Mediator</c> exists, <c>Mediator.IRequest&lt;int&gt;</c> written in <c>namespace App</c> means a nested type
/// of the generated class (CS0426), and <c>using Mediator;</c> inside <c>namespace App</c> names a class (CS0138).
/// </summary>
/// <remarks>
/// Like <see cref="DeclarationScanner"/>, it walks namespaces and types only, and only the namespaces that are, or are
/// inside, the mediator's: their using directives, and each type's attributes (names and arguments), base list and
/// constraints. A name found there is bound only when its first identifier is the class's name, which is rare. Uses in
/// member signatures and method bodies are not searched (that would mean reading every member): there the compiler's own
/// CS0426 or CS0246 points at the use, and docs/diagnostics/MED0035.md explains it.
/// </remarks>
internal static class CapturedNameFinder
{
    public static IEnumerable<DiagnosticInfo> Find(Compilation compilation, MediatorName mediator, CancellationToken cancellationToken)
    {
        var home = string.Join(".", mediator.Namespace.Split('.').Select(Identifiers.Plain));
        var walker = new Walker(compilation, home, mediator.PlainClassName, cancellationToken);
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax root)
            {
                walker.Visit(tree, root);
            }
        }

        return walker.Found;
    }

    private sealed class Walker(Compilation compilation, string home, string className, CancellationToken cancellationToken)
    {
        private SemanticModel? _model;
        private SyntaxTree _tree = null!;

        public List<DiagnosticInfo> Found { get; } = new();

        public void Visit(SyntaxTree tree, CompilationUnitSyntax root)
        {
            _tree = tree;
            _model = null;
            VisitMembers(root.Members, string.Empty);
        }

        /// <param name="members">Members of a namespace (or of the file, for <paramref name="ns"/> empty).</param>
        /// <param name="ns">The namespace they are in, without <c>@</c>.</param>
        private void VisitMembers(SyntaxList<MemberDeclarationSyntax> members, string ns)
        {
            foreach (var member in members)
            {
                if (member is BaseNamespaceDeclarationSyntax declaration)
                {
                    var inner = ns.Length == 0 ? NameText(declaration.Name) : ns + "." + NameText(declaration.Name);
                    if (IsInsideHome(inner))
                    {
                        foreach (var directive in declaration.Usings)
                        {
                            Check(directive.Name, inner);
                        }

                        VisitTypes(declaration.Members, inner);
                    }

                    // Only namespaces on the way to the mediator's can hold ones inside it.
                    if (home.StartsWith(inner + ".", System.StringComparison.Ordinal) || IsInsideHome(inner))
                    {
                        VisitMembers(declaration.Members, inner);
                    }
                }
            }
        }

        private bool IsInsideHome(string ns) => ns == home || ns.StartsWith(home + ".", System.StringComparison.Ordinal);

        private void VisitTypes(SyntaxList<MemberDeclarationSyntax> members, string ns)
        {
            foreach (var member in members)
            {
                if (member is not BaseTypeDeclarationSyntax && member is not DelegateDeclarationSyntax)
                {
                    continue;
                }

                foreach (var attribute in member.AttributeLists.SelectMany(l => l.Attributes))
                {
                    Check(attribute, ns);
                }

                if (member is TypeDeclarationSyntax type)
                {
                    foreach (var node in (IEnumerable<SyntaxNode?>)new SyntaxNode?[] { type.BaseList }.Concat(type.ConstraintClauses))
                    {
                        Check(node, ns);
                    }

                    VisitTypes(type.Members, ns);
                }
                else if (member is BaseTypeDeclarationSyntax other)
                {
                    Check(other.BaseList, ns);
                }
            }
        }

        /// <summary>Reports each name in <paramref name="node"/> that starts with the class's name and means something outside the mediator's namespace.</summary>
        private void Check(SyntaxNode? node, string ns)
        {
            if (node is null)
            {
                return;
            }

            foreach (var name in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != className || !IsFirstPart(name))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                _model ??= compilation.GetSemanticModel(_tree);
                var info = _model.GetSymbolInfo(name, cancellationToken);
                var meant = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                if (meant is null || !IsCaptured(meant, name))
                {
                    continue;
                }

                var use = Whole(name);
                var kind = meant is INamespaceSymbol ? "namespace" : "type";
                Found.Add(new DiagnosticInfo(
                    DiagnosticDescriptors.NameClash.Id,
                    LocationInfo.From(use.GetLocation()),
                    new[]
                    {
                        "'" + use.ToString() + "' inside namespace '" + ns + "' names the generated mediator class '" + home + "." + className + "', not " + kind + " '" + meant.ToDisplayString() + "'",
                        "write 'global::" + className + "...', or put the using directive before the namespace, or set <MediatorClassName> in the project file",
                    }.ToEquatableArray()));
            }
        }

        /// <summary>
        /// Whether the generated class would be found first. It is found as a member of the mediator's namespace, so it
        /// hides anything lookup now finds further out: a namespace or type in an enclosing or the global namespace, or a
        /// type imported by a using directive there. What is found deeper in (a member of a namespace inside the
        /// mediator's, or imported by a using directive of such a namespace) stays. A member of the mediator's namespace
        /// itself is a clash of declarations, which <see cref="NameClashFinder"/> reports.
        /// </summary>
        private bool IsCaptured(ISymbol meant, SyntaxNode at)
        {
            if (meant is not (INamespaceSymbol or INamedTypeSymbol) || meant.ContainingType is not null)
            {
                return false;
            }

            var container = meant.ContainingNamespace is { IsGlobalNamespace: false } parent ? Plain(parent) : string.Empty;
            if (container == home || container.StartsWith(home + ".", System.StringComparison.Ordinal))
            {
                return false;
            }

            // A type not on the lookup path came from a using directive; one written in a namespace inside the mediator's
            // is searched before the mediator's namespace. Which directive supplied it is not worked out: to stay quiet
            // rather than wrong, any such directive counts.
            var onPath = container.Length == 0 || home == container || home.StartsWith(container + ".", System.StringComparison.Ordinal);
            return onPath || !at.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(d => d.Usings.Count > 0 && DeeperThanHome(d));
        }

        private bool DeeperThanHome(BaseNamespaceDeclarationSyntax declaration)
        {
            var full = string.Join(".", declaration.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(d => NameText(d.Name)));
            return full.StartsWith(home + ".", System.StringComparison.Ordinal);
        }

        private static string Plain(INamespaceSymbol ns)
            => string.Join(".", ns.ToDisplayString().Split('.').Select(Identifiers.Plain));

        /// <summary>The name starts a (possibly) qualified name: it is not after a dot or <c>alias::</c>.</summary>
        private static bool IsFirstPart(IdentifierNameSyntax name) => name.Parent switch
        {
            QualifiedNameSyntax qualified => qualified.Left == name,
            MemberAccessExpressionSyntax access => access.Expression == name,
            AliasQualifiedNameSyntax => false,
            NameEqualsSyntax => false,
            NameColonSyntax => false,
            _ => true,
        };

        /// <summary>The whole dotted name that <paramref name="first"/> begins.</summary>
        private static SyntaxNode Whole(SyntaxNode first)
        {
            var node = first;
            while (node.Parent is QualifiedNameSyntax q && q.Left == node
                || node.Parent is MemberAccessExpressionSyntax m && m.Expression == node)
            {
                node = node.Parent;
            }

            return node;
        }

        private static string NameText(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => NameText(qualified.Left) + "." + NameText(qualified.Right),
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => name.ToString(),
        };
    }
}
