using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>What one <c>[Handler]</c> class yields: its specs (one per request it handles) and its diagnostics.</summary>
/// <param name="HandlerType">The handler class, for cross-cutting diagnostics.</param>
/// <param name="Location">Where the class is named, for cross-cutting diagnostics.</param>
/// <param name="Handlers">One spec per request the class handles.</param>
/// <param name="Diagnostics">What is wrong with the class on its own.</param>
internal sealed record HandlerDiscovery(
    string HandlerType,
    LocationInfo? Location,
    EquatableArray<HandlerSpec> Handlers,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What one <c>[Middleware]</c> class yields: its spec, unless it cannot be used, and its diagnostics.</summary>
internal sealed record MiddlewareDiscovery(
    LocationInfo? Location,
    MiddlewareSpec? Middleware,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>A concrete request type declared in this compilation, which must have a handler.</summary>
/// <param name="RequestType">The request type, without nullable annotations.</param>
/// <param name="HandlerContract">The interface its handler implements, for the diagnostic's advice.</param>
/// <param name="Location">The type's name in its declaration.</param>
/// <param name="Supertypes">Its base classes and interfaces: a handler of one of them serves this request too.</param>
internal sealed record RequestDeclaration(string RequestType, string HandlerContract, LocationInfo? Location, EquatableArray<string> Supertypes);
