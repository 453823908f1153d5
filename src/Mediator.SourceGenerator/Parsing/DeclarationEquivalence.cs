using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Says two compilations declare the same things: same assembly name, options and references (the same objects), and
/// the same syntax trees up to method bodies, which Roslyn calls top-level equivalence (bodies, expression bodies and
/// non-const field initializers are skipped; attribute arguments, const values and signatures are compared).
/// </summary>
/// <remarks>
/// Everything the generator reads (types, their attributes, base types, interfaces, members' signatures) is decided by
/// declarations, so when this comparer says "equal" the incremental pipeline keeps the compilation it last parsed and
/// every step after it stays cached: typing inside a method costs one tree comparison instead of a new parse of every
/// handler. Roslyn's own <c>ForAttributeWithMetadataName</c> cannot do this; it runs its transform again for every
/// attributed node on any change of the compilation. The price is that the pipeline keeps the last parsed compilation
/// alive until a declaration changes, and that positions of stored diagnostics may be stale, which
/// <see cref="Diagnostics.LocationInfo"/> corrects when it reports.
/// </remarks>
internal sealed class DeclarationEquivalence : IEqualityComparer<Compilation>
{
    public static readonly DeclarationEquivalence Instance = new();

    public bool Equals(Compilation? x, Compilation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        // ExternalReferences, not References: the latter binds the compilation's reference manager (it adds the #r
        // directives of scripts, which are not compared here: a script compilation never compares equal).
        if (x is null || y is null
            || x.ScriptCompilationInfo is not null
            || y.ScriptCompilationInfo is not null
            || x.AssemblyName != y.AssemblyName
            || !x.Options.Equals(y.Options)
            || !x.ExternalReferences.SequenceEqual(y.ExternalReferences))
        {
            return false;
        }

        using var left = x.SyntaxTrees.GetEnumerator();
        using var right = y.SyntaxTrees.GetEnumerator();
        while (true)
        {
            var moreLeft = left.MoveNext();
            if (moreLeft != right.MoveNext())
            {
                return false;
            }

            if (!moreLeft)
            {
                return true;
            }

            if (!SameDeclarations(left.Current, right.Current))
            {
                return false;
            }
        }
    }

    public int GetHashCode(Compilation obj) => obj.AssemblyName?.GetHashCode() ?? 0;

    private static bool SameDeclarations(SyntaxTree left, SyntaxTree right)
        => ReferenceEquals(left, right)
            || (string.Equals(left.FilePath, right.FilePath, StringComparison.Ordinal)
                && left.Options.Equals(right.Options)
                && left.IsEquivalentTo(right, topLevel: true));
}
