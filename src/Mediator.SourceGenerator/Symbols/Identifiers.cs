using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Symbols;

/// <summary>
/// How names are written into C# source: the user's names of types, namespaces and tuple elements where generated code
/// refers to them (<see cref="Escape"/>), and the names the user chose for the generated mediator, which generated
/// code declares (<see cref="NamespaceSegment"/>, <see cref="TypeName"/>).
/// </summary>
internal static class Identifiers
{
    /// <summary>
    /// <paramref name="name"/> with <c>@</c> when C# would read it as a keyword where generated code refers to it (after
    /// <c>global::</c> or a dot, or as a tuple element name): every reserved keyword (<c>@event</c>, <c>@class</c>), and
    /// <c>await</c>, which is a keyword inside the async methods generated code writes. A verbatim identifier is legal
    /// wherever an identifier is, so escaping never hurts.
    /// </summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? "@" + name
            : name;

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
