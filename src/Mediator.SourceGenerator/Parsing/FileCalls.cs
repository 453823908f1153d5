using System.Threading;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// The calls of one source file that the generator reads: those the call checks look at (<see cref="CallSiteParser"/>)
/// and, in the Roslyn 4.14 build, those an interceptor may bind (<c>InterceptableCallParser</c>).
/// </summary>
/// <remarks>
/// Read per file, not through <c>SyntaxProvider.CreateSyntaxProvider</c>: Roslyn runs a syntax provider's transform again
/// for every matched node of every file whenever the compilation changes (only the predicate is cached per file), and
/// each transform here asks the semantic model, which binds the calling method's body. With 1,000 calls that cost about
/// 200 ms per keystroke in any file. Here a file is read again only when it changed, or when a declaration changed
/// anywhere (which can change what a call binds to): <see cref="TreeInCompilation"/> compares the inputs so.
/// </remarks>
/// <param name="FilePath">The file.</param>
/// <param name="Checked">Its calls for <c>Checks/CallSiteChecks</c>, in source order.</param>
/// <param name="Interceptable">Its calls an interceptor may bind, in source order (always empty in the Roslyn 4.8 build).</param>
internal sealed record FileCalls(string FilePath, EquatableArray<CallSite> Checked, EquatableArray<InterceptableCall> Interceptable)
{
    /// <summary>Walks <paramref name="tree"/> once with both predicates and asks the semantic model about the candidates.</summary>
    public static FileCalls Read(SyntaxTree tree, Compilation compilation, CancellationToken cancellationToken)
    {
        var root = tree.GetRoot(cancellationToken);
        SemanticModel? model = null;
        var checkedCalls = new List<CallSite>();
        var interceptable = new List<InterceptableCall>();
        foreach (var node in root.DescendantNodes())
        {
            var isCall = CallSiteParser.IsCandidate(node, cancellationToken);
#if ROSLYN4_14
            var isInterceptable = InterceptableCallParser.IsCandidate(node, cancellationToken);
#else
            const bool isInterceptable = false;
#endif
            if (!isCall && !isInterceptable)
            {
                continue;
            }

            model ??= compilation.GetSemanticModel(tree);
            if (isCall && CallSiteParser.Read(node, model, cancellationToken) is { } call)
            {
                checkedCalls.Add(call);
            }

#if ROSLYN4_14
            if (isInterceptable && InterceptableCallParser.Read(node, model, cancellationToken) is { } bindable)
            {
                interceptable.Add(bindable);
            }
#endif
        }

        return new FileCalls(tree.FilePath, checkedCalls.ToEquatableArray(), interceptable.ToEquatableArray());
    }
}

/// <summary>
/// Compares a file with the compilation it is read in: equal when it is the same syntax tree and the compilations declare
/// the same things (<see cref="DeclarationEquivalence"/>), so an edit inside a method body leaves every other file's calls
/// cached. Comparing two compilations walks their trees, so the last answer is kept: the driver asks once per file. One
/// instance per generator instance (the compilations it keeps are the ones the driver keeps).
/// </summary>
internal sealed class TreeInCompilation : IEqualityComparer<(SyntaxTree Tree, Compilation Compilation)>
{
    private Tuple<Compilation, Compilation, bool>? _last;

    public bool Equals((SyntaxTree Tree, Compilation Compilation) x, (SyntaxTree Tree, Compilation Compilation) y)
        => ReferenceEquals(x.Tree, y.Tree) && SameDeclarations(x.Compilation, y.Compilation);

    public int GetHashCode((SyntaxTree Tree, Compilation Compilation) obj) => obj.Tree.GetHashCode();

    private bool SameDeclarations(Compilation x, Compilation y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        var last = _last;
        if (last is not null && ReferenceEquals(last.Item1, x) && ReferenceEquals(last.Item2, y))
        {
            return last.Item3;
        }

        var same = DeclarationEquivalence.Instance.Equals(x, y);
        _last = Tuple.Create(x, y, same);
        return same;
    }
}
