namespace Mediator.SourceGenerator.Model;

/// <summary>The attributes that make C# report a use of a type: <c>[Obsolete]</c> and <c>[Experimental]</c>.</summary>
internal enum UsageMarkKind
{
    /// <summary><c>System.ObsoleteAttribute</c>: CS0612 or CS0618 (or its <c>DiagnosticId</c>), an error with <c>error: true</c>.</summary>
    Obsolete,

    /// <summary><c>System.Diagnostics.CodeAnalysis.ExperimentalAttribute</c>: reported under its diagnostic ID, as an error that can be suppressed.</summary>
    Experimental,
}

/// <summary>
/// An <c>[Obsolete]</c> or <c>[Experimental]</c> on a type that generated code names (or on a type it is nested in, or
/// on one of its type arguments): generated code must name it without a warning or error of its own, and the typed
/// dispatch overload of a marked message carries a copy, so that the user's call still reports.
/// </summary>
/// <param name="Kind">Which attribute.</param>
/// <param name="Arguments">Its arguments as C# source, to copy it: <c>"Use V2", true, DiagnosticId = "OLD001"</c>.</param>
/// <param name="DiagnosticId">The ID the compiler reports a use under, when the attribute names one (an experimental one always does).</param>
/// <param name="IsError">An <c>[Obsolete(..., error: true)]</c>: a use is an error (CS0619), which no <c>#pragma</c> silences.</param>
internal sealed record UsageMark(UsageMarkKind Kind, string Arguments, string? DiagnosticId, bool IsError = false)
{
    /// <summary>The attribute as generated code writes it.</summary>
    public string Attribute => Kind == UsageMarkKind.Obsolete
        ? "[global::System.Obsolete(" + Arguments + ")]"
        : "[global::System.Diagnostics.CodeAnalysis.Experimental(" + Arguments + ")]";
}

/// <summary>What a set of marks asks of the generated code that names their types.</summary>
internal static class UsageMarks
{
    /// <summary>
    /// Some type is <c>[Obsolete]</c>. Its pipeline class is then marked <c>[Obsolete]</c> itself: C# reports no use of an
    /// obsolete type inside an obsolete one, which is the only way to silence <c>error: true</c> (CS0619), since
    /// <c>#pragma</c> cannot. Generated code outside the pipeline then names only the pipeline class (CS0618, which the
    /// files that do so suppress).
    /// </summary>
    public static bool NeedObsoleteContext(this EquatableArray<UsageMark> marks)
    {
        foreach (var mark in marks)
        {
            if (mark.Kind == UsageMarkKind.Obsolete)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The IDs of <c>[Experimental]</c> marks, which an obsolete context does not silence but <c>#pragma warning disable</c>
    /// does. An ID that a pragma cannot spell (not an identifier) is left out: its uses still report.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<string> ExperimentalIds(this System.Collections.Generic.IEnumerable<UsageMark> marks)
    {
        foreach (var mark in marks)
        {
            if (mark.Kind == UsageMarkKind.Experimental && mark.DiagnosticId is { } id && IsPragmaName(id))
            {
                yield return id;
            }
        }
    }

    private static bool IsPragmaName(string id)
    {
        if (id.Length == 0 || !(char.IsLetter(id[0]) || id[0] == '_'))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
