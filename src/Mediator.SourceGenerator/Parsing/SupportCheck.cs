using System.Threading;
using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Decides whether generated code can compile in this project at all, before anything is generated: the language
/// version must be C# 8 or later (MED0038), the library's types must be the ones its names resolve to (MED0039), and
/// the abstractions must be referenced. When not, the generator writes nothing and reports only these diagnostics.
/// A type named <c>Mediator</c>, <c>System</c> or <c>Microsoft</c> in the global namespace also hides names generated
/// code uses; that is a clash with a name, reported with the others by <see cref="NameClashFinder"/> (MED0035).
/// </summary>
internal static class SupportCheck
{
    /// <summary>Generated code uses nullable annotations, <c>??=</c> and <c>is null</c> patterns: C# 8.</summary>
    public const LanguageVersion Minimum = LanguageVersion.CSharp8;

    /// <summary>Where a project's own declarations can hide the library's types: the root of their namespaces.</summary>
    private const string LibraryNamespace = "Mediator";

    /// <summary>A type of each of the library's assemblies, to find them among the references.</summary>
    private static readonly string[] LibraryMarkers = { "Mediator.IMediator", "Mediator.Publishing.PublishRuntime" };

    public static GeneratorSupport Check(Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation is CSharpCompilation { LanguageVersion: var version } && version < Minimum)
        {
            return Unsupported(DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, null, version.ToDisplayString()));
        }

        var library = LibraryAssemblies(compilation);
        if (library.Count == 0)
        {
            // The abstractions are not referenced (or twice, under two names): generated code could name nothing. The
            // project does not use the mediator, or the compiler reports the ambiguity (CS0433) where it does.
            return GeneratorSupport.Unsupported;
        }

        var redeclared = Redeclarations(compilation, library, cancellationToken);
        return redeclared.Count == 0 ? GeneratorSupport.Supported : new GeneratorSupport(false, redeclared.ToEquatableArray());
    }

    private static GeneratorSupport Unsupported(DiagnosticInfo diagnostic) => new(false, new[] { diagnostic }.ToEquatableArray());

    /// <summary>The referenced assemblies that declare the library's types, unless its main contract resolves to anything else.</summary>
    private static List<IAssemblySymbol> LibraryAssemblies(Compilation compilation)
    {
        var found = new List<IAssemblySymbol>();
        if (compilation.GetTypeByMetadataName(LibraryMarkers[0]) is not { } mediator)
        {
            return found; // absent, or declared by two references (the compilation then names neither)
        }

        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (LibraryMarkers.Any(m => assembly.GetTypeByMetadataName(m) is not null))
            {
                found.Add(assembly);
            }
        }

        if (!SymbolEqualityComparer.Default.Equals(mediator.ContainingAssembly, compilation.Assembly) && !found.Contains(mediator.ContainingAssembly, SymbolEqualityComparer.Default))
        {
            found.Clear();
        }

        return found;
    }

    /// <summary>MED0039 for each type this project declares under the full name of a public type of the library.</summary>
    private static List<DiagnosticInfo> Redeclarations(Compilation compilation, List<IAssemblySymbol> library, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var root = compilation.Assembly.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == LibraryNamespace);
        var pending = new Stack<INamespaceSymbol>();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ns = pending.Pop();
            foreach (var child in ns.GetNamespaceMembers())
            {
                pending.Push(child);
            }

            foreach (var type in ns.GetTypeMembers())
            {
                var metadataName = ns.ToDisplayString() + "." + type.MetadataName;
                var original = library
                    .Select(a => a.GetTypeByMetadataName(metadataName))
                    .FirstOrDefault(t => t is { DeclaredAccessibility: Accessibility.Public });
                if (original is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.ContractRedeclared,
                        LocationInfo.From(type),
                        type.ToDisplayString(),
                        original.ContainingAssembly.Name));
                }
            }
        }

        return diagnostics;
    }
}
