using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>How a name the user chose (a namespace, the mediator's class name) is written into C# source.</summary>
internal static class Identifiers
{
    /// <summary>The name without a leading <c>@</c>, which C# allows before any identifier and does not count as part of it.</summary>
    public static string Plain(string written) => written.StartsWith("@", System.StringComparison.Ordinal) ? written.Substring(1) : written;

    /// <summary>Whether <paramref name="plain"/> (without <c>@</c>) can be an identifier once escaped: letters, digits, connectors.</summary>
    public static bool IsValid(string plain) => plain.Length > 0 && SyntaxFacts.IsValidIdentifier(plain);

    /// <summary>
    /// A namespace segment as source writes it: a keyword, reserved (<c>event</c>) or contextual (<c>record</c>), gets
    /// an <c>@</c>, which every identifier may carry.
    /// </summary>
    public static string NamespaceSegment(string plain) => IsKeyword(plain) ? "@" + plain : plain;

    /// <summary>
    /// A type name as source writes it: keywords get an <c>@</c>, and so do names of lower-case ASCII letters only,
    /// which C# 11 and later warn about (CS8981, "may become reserved") unless escaped. <c>record</c> as a type name is an
    /// error unless escaped.
    /// </summary>
    public static string TypeName(string plain) => IsKeyword(plain) || plain.All(c => c is >= 'a' and <= 'z') ? "@" + plain : plain;

    private static bool IsKeyword(string plain)
        => SyntaxFacts.GetKeywordKind(plain) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(plain) != SyntaxKind.None;
}
