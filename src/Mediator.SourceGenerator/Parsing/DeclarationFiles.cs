using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Splits a compilation into one input per syntax tree for the per-file scan (<see cref="DeclarationScanner.ScanFile"/>),
/// each with what its scan can depend on, so that a declaration edit in one file scans that file again and the files
/// whose declarations mention what it declares, and leaves every other file's scan cached.
/// </summary>
/// <remarks>
/// <para>
/// A file's scan reads the symbols of its own types and of the types their declarations name, and of the types those
/// name, and so on (a handler's request, the request's base class, its interfaces). All of it is decided by
/// declarations whose simple names are reachable from the file's own names through <see cref="DeclarationNames"/>:
/// the file's <b>dependencies</b> are the trees holding those declarations (every part of a partial type, every type
/// of that simple name in any namespace, every file with <c>global using</c> directives), and the namespaces of the
/// project whose last segment is one of those names (a name's lookup finds a namespace as well as a type; which file
/// declares a namespace does not matter, only that it exists). Its input compares equal to the previous run's when
/// the tree is the same object, the compilation has the same assembly name, options and references, the dependencies
/// are the same tree objects and the same namespaces exist: no declaration the scan could have read has changed,
/// appeared or disappeared, so its result would be the same. Any other change, including a body edit of a dependency
/// since the last declaration change, scans it again.
/// </para>
/// <para>
/// The trees are numbered once per tree object (<see cref="TreeNumber"/>), so the dependencies compare as a sorted
/// list of numbers.
/// </para>
/// </remarks>
internal static class DeclarationFiles
{
    private const string AttributeSuffix = "Attribute";

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<long>> Numbers = new();
    private static long s_lastNumber;

    public static ImmutableArray<DeclarationFile> Split(Compilation compilation, CancellationToken cancellationToken)
    {
        var trees = compilation.SyntaxTrees.ToList();
        var names = new DeclarationNames[trees.Count];
        var declaredBy = new Dictionary<string, List<(int Tree, IReadOnlyList<string> References)>>(StringComparer.Ordinal);
        var namespacesNamed = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var globals = new List<int>();
        for (var i = 0; i < trees.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            names[i] = DeclarationNames.Of(trees[i], cancellationToken);
            foreach (var type in names[i].Types)
            {
                Declarations(declaredBy, type.Name).Add((i, type.References));
                if (type.Name.Length > AttributeSuffix.Length && type.Name.EndsWith(AttributeSuffix, StringComparison.Ordinal))
                {
                    // [Handler] names HandlerAttribute: filed under the name an attribute list writes too.
                    Declarations(declaredBy, type.Name.Substring(0, type.Name.Length - AttributeSuffix.Length)).Add((i, type.References));
                }
            }

            foreach (var ns in names[i].Namespaces)
            {
                var last = ns.Substring(ns.LastIndexOf('.') + 1);
                if (!namespacesNamed.TryGetValue(last, out var full))
                {
                    namespacesNamed[last] = full = new SortedSet<string>(StringComparer.Ordinal);
                }

                full.Add(ns);
            }

            if (names[i].IsGlobal)
            {
                globals.Add(i);
            }
        }

        var numbers = trees.Select(TreeNumber).ToArray();
        var files = ImmutableArray.CreateBuilder<DeclarationFile>(trees.Count);
        for (var i = 0; i < trees.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (dependencies, mentioned) = Dependencies(i, names, declaredBy, globals);
            files.Add(new DeclarationFile(
                trees[i],
                compilation,
                dependencies.Select(d => numbers[d]).OrderBy(n => n).ToImmutableArray(),
                mentioned.Where(namespacesNamed.ContainsKey).SelectMany(n => namespacesNamed[n]).OrderBy(n => n, StringComparer.Ordinal).ToImmutableArray()));
        }

        return files.MoveToImmutable();
    }

    /// <summary>A number for this tree object, the same for as long as it lives and never given to another tree.</summary>
    public static long TreeNumber(SyntaxTree tree)
        => Numbers.GetValue(tree, static _ => new StrongBox<long>(Interlocked.Increment(ref s_lastNumber))).Value;

    private static List<(int Tree, IReadOnlyList<string> References)> Declarations(
        Dictionary<string, List<(int Tree, IReadOnlyList<string> References)>> declaredBy,
        string name)
    {
        if (!declaredBy.TryGetValue(name, out var list))
        {
            declaredBy[name] = list = new List<(int, IReadOnlyList<string>)>();
        }

        return list;
    }

    /// <summary>The trees whose declarations the scan of tree <paramref name="file"/> can read: see the remarks of the class.</summary>
    private static (HashSet<int> Trees, HashSet<string> Mentioned) Dependencies(
        int file,
        DeclarationNames[] names,
        Dictionary<string, List<(int Tree, IReadOnlyList<string> References)>> declaredBy,
        List<int> globals)
    {
        var trees = new HashSet<int> { file };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        void Mention(IEnumerable<string> mentioned)
        {
            foreach (var name in mentioned)
            {
                if (seen.Add(name))
                {
                    pending.Push(name);
                }
            }
        }

        // The file's own types (a partial type's other parts are declarations of the same name), what they mention, and
        // what its using directives mention; the global usings take part in every lookup.
        Mention(names[file].Types.Select(t => t.Name));
        Mention(names[file].Types.SelectMany(t => t.References));
        Mention(names[file].FileReferences);
        foreach (var global in globals)
        {
            trees.Add(global);
            Mention(names[global].FileReferences);
        }

        while (pending.Count > 0)
        {
            if (!declaredBy.TryGetValue(pending.Pop(), out var declarations))
            {
                continue; // declared in a reference, or nowhere: references do not change without a new compilation input
            }

            foreach (var (tree, references) in declarations)
            {
                trees.Add(tree);
                Mention(references);
            }
        }

        return (trees, seen);
    }
}

/// <summary>
/// One syntax tree of the compilation, as input of its own scan; equal to the previous run's input when the scan's
/// result cannot differ (<see cref="DeclarationFiles"/>).
/// </summary>
/// <remarks>
/// The compilation is held weakly: the driver keeps this input as long as the file's scan stays cached, and a strong
/// reference would keep every bound compilation alive whose files were last scanned in it. It is alive while the scan
/// runs, in the same generator run that made this input (the driver holds it).
/// </remarks>
internal sealed class DeclarationFile(SyntaxTree tree, Compilation compilation, ImmutableArray<long> dependencies, ImmutableArray<string> namespaces)
    : IEquatable<DeclarationFile>
{
    private readonly WeakReference<Compilation> _compilation = new(compilation);
    private readonly string? _assemblyName = compilation.AssemblyName;
    private readonly CompilationOptions _options = compilation.Options;
    private readonly ImmutableArray<MetadataReference> _references = compilation.ExternalReferences;

    public SyntaxTree Tree { get; } = tree;

    /// <summary>The numbers (<see cref="DeclarationFiles.TreeNumber"/>) of the trees the scan can read, in order; this tree's among them.</summary>
    public ImmutableArray<long> Dependencies { get; } = dependencies;

    /// <summary>The project's namespaces, by full name, whose last segment the scan can look up, in order.</summary>
    public ImmutableArray<string> Namespaces { get; } = namespaces;

    /// <summary>The compilation this input was made from, for the scan in the same run.</summary>
    public Compilation Compilation => _compilation.TryGetTarget(out var compilation)
        ? compilation
        : throw new InvalidOperationException("The compilation of '" + Tree.FilePath + "' was collected before its scan ran.");

    /// <summary>Same tree object, same dependencies and namespaces, and the same assembly name, options and references (as <see cref="DeclarationEquivalence"/> asks).</summary>
    public bool Equals(DeclarationFile? other)
        => other is not null
            && ReferenceEquals(Tree, other.Tree)
            && Dependencies.SequenceEqual(other.Dependencies)
            && Namespaces.SequenceEqual(other.Namespaces, StringComparer.Ordinal)
            && _assemblyName == other._assemblyName
            && _options.Equals(other._options)
            && _references.SequenceEqual(other._references);

    public override bool Equals(object? obj) => Equals(obj as DeclarationFile);

    public override int GetHashCode() => Tree.GetHashCode();
}
