using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>Identifiers as generated code must write them.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// <paramref name="name"/> with <c>@</c> when C# would read it as a keyword: every reserved keyword (<c>@event</c>,
    /// <c>@class</c>), and <c>await</c>, which is a keyword inside the async methods generated code writes. A verbatim
    /// identifier is legal wherever an identifier is, so escaping never hurts.
    /// </summary>
    public static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.AwaitKeyword
            ? "@" + name
            : name;
}
