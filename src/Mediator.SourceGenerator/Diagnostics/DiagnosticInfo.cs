using System.Linq;
using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Diagnostics;

/// <summary>A diagnostic to report, as a value: descriptor, place and message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => new(descriptor.Id, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic(Compilation compilation) => ToDiagnostic(compilation, compilation);

    /// <summary>Reported in <paramref name="current"/>; the position was taken in <paramref name="parsed"/> (see <see cref="LocationInfo.ToLocation(Compilation, Compilation)"/>).</summary>
    public Diagnostic ToDiagnostic(Compilation parsed, Compilation current)
        => Diagnostic.Create(
            DiagnosticDescriptors.ById(Id),
            Location?.ToLocation(parsed, current) ?? Microsoft.CodeAnalysis.Location.None,
            Arguments.Cast<object>().ToArray());
}
