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

    public Location ToLocation(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath == FilePath && Span.End <= tree.Length)
            {
                return Location.Create(tree, Span);
            }
        }

        return Location.Create(FilePath, Span, LineSpan);
    }
}
