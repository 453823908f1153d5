using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator.Diagnostics;

/// <summary>
/// A source position that compares by value. Roslyn's <see cref="Location"/> holds a syntax tree, which
/// must not be cached between runs of the incremental pipeline; this is rebuilt into one only when reporting.
/// </summary>
/// <remarks>
/// The rebuilt location must point into the compilation's own syntax tree: only then do <c>#pragma warning</c>
/// and per-file <c>.editorconfig</c> severities apply to it. A bare file-path location would escape both.
/// </remarks>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
        => location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    public static LocationInfo? From(ISymbol symbol)
        => symbol.Locations.Length > 0 ? From(symbol.Locations[0]) : null;

    public Location ToLocation(Compilation compilation) => ToLocation(compilation, compilation);

    /// <summary>
    /// The location in <paramref name="current"/> of this position, taken in <paramref name="parsed"/>. The two differ
    /// when only method bodies changed since the generator last parsed (<c>DeclarationEquivalence</c>, in Parsing/):
    /// the position is then carried over to the edited tree, which declares the same things, possibly further down.
    /// </summary>
    public Location ToLocation(Compilation parsed, Compilation current)
    {
        // The trees of the two compilations pair up by position (same paths, same declarations).
        var index = IndexOf(parsed);
        if (index < 0)
        {
            return Location.Create(FilePath, Span, LineSpan);
        }

        var parsedTree = parsed.SyntaxTrees.ElementAt(index);
        var tree = ReferenceEquals(parsed, current) ? parsedTree : current.SyntaxTrees.ElementAtOrDefault(index);
        if (tree is null || tree.FilePath != FilePath)
        {
            return Location.Create(FilePath, Span, LineSpan);
        }

        if (!ReferenceEquals(parsedTree, tree))
        {
            return TopLevelPositions.Map(parsedTree, tree, Span) is { } moved
                ? Location.Create(tree, moved)
                : Location.Create(FilePath, Span, LineSpan);
        }

        return Location.Create(tree, Span);
    }

    private int IndexOf(Compilation compilation)
    {
        var index = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && Span.End <= tree.Length)
            {
                return index;
            }

            index++;
        }

        return -1;
    }
}
