using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Diagnostics;

/// <summary>A diagnostic to report, as a value: descriptor, place and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    /// <summary>
    /// The arguments are read by people: type names arrive as generated code spells them (<c>global::App.Ping</c>), and
    /// lose the <c>global::</c> here, once for every diagnostic the generator reports.
    /// </summary>
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor.Id, location, arguments.Select(DiagnosticText.Readable).ToEquatableArray());

    public Diagnostic ToDiagnostic(Compilation compilation) => ToDiagnostic(compilation, compilation);

    /// <summary>Reported in <paramref name="current"/>; the position was taken in <paramref name="parsed"/> (see <see cref="LocationInfo.ToLocation(Compilation, Compilation)"/>).</summary>
    public Diagnostic ToDiagnostic(Compilation parsed, Compilation current)
        => Diagnostic.Create(
            DiagnosticDescriptors.ById(Id),
            Location?.ToLocation(parsed, current) ?? Microsoft.CodeAnalysis.Location.None,
            Arguments.Cast<object>().ToArray());
}
