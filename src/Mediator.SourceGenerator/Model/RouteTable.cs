using Mediator.SourceGenerator.Diagnostics;

namespace Mediator.SourceGenerator.Model;

/// <summary>The project's RabbitMQ routes and the problems found reading them (MED0080, MED0081); compares by value.</summary>
internal sealed record RouteTable(bool TransportReferenced, EquatableArray<RouteSpec> Routes, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly RouteTable None = new(false, EquatableArray<RouteSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);
}
