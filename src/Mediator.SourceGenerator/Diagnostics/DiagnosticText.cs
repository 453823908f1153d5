using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Diagnostics;

/// <summary>How names read in diagnostic messages: as a person writes them, without the <c>global::</c> that generated code needs.</summary>
internal static class DiagnosticText
{
    /// <summary>A message argument without <c>global::</c> (type names, and code that quotes them).</summary>
    public static string Readable(string argument) => argument.Replace("global::", string.Empty);

    /// <summary>A type's full name with its type arguments, for a message (<c>App.Audit&lt;TRequest, TResponse&gt;</c>).</summary>
    public static string Name(ITypeSymbol type) => Readable(TypeRefFactory.Display(type));
}
