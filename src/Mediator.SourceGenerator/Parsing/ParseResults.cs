using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Model;
using Mediator.SourceGenerator.Symbols;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>What one <c>[Handler]</c> class yields: its specs (one per request it handles) and its diagnostics.</summary>
/// <param name="HandlerType">The handler class, for cross-cutting diagnostics.</param>
/// <param name="Location">Where the class is named, for cross-cutting diagnostics.</param>
/// <param name="Handlers">One spec per request the class handles.</param>
/// <param name="Diagnostics">What is wrong with the class on its own.</param>
/// <param name="MiddlewareUses">The middlewares its <c>[UseMiddleware]</c> attributes name, with where, for cross-cutting diagnostics.</param>
/// <param name="HasCompileErrors">A contract was left out because the compiler rejects it (<see cref="BrokenTypes"/>).</param>
/// <param name="DependencyLocations">Where each of its specs' <see cref="HandlerSpec.Dependencies"/> is declared, in the same order.</param>
internal sealed record HandlerDiscovery(
    string HandlerType,
    LocationInfo? Location,
    EquatableArray<HandlerSpec> Handlers,
    EquatableArray<DiagnosticInfo> Diagnostics,
    EquatableArray<HandlerMiddlewareUse> MiddlewareUses = default,
    bool HasCompileErrors = false,
    EquatableArray<LocationInfo> DependencyLocations = default);

/// <summary>One <c>[UseMiddleware(typeof(X))]</c> on a handler class whose middleware could be read.</summary>
/// <param name="Middleware">The middleware as a handler-level spec (also in each of the class's <see cref="HandlerSpec.Middlewares"/>).</param>
/// <param name="Location">The <c>typeof</c> argument, where the handler-level diagnostics are reported.</param>
/// <param name="PlacementLocation">Where its order was decided, for ordering rules: the attribute's <c>Order = ...</c>, else <paramref name="Location"/>.</param>
internal sealed record HandlerMiddlewareUse(MiddlewareSpec Middleware, LocationInfo? Location, LocationInfo? PlacementLocation);

/// <summary>What one <c>[Middleware]</c> class yields: its spec, unless it cannot be used, and its diagnostics.</summary>
/// <param name="Location">The class name.</param>
/// <param name="Middleware">The spec, or null when the class cannot be used.</param>
/// <param name="Diagnostics">What is wrong with the class on its own.</param>
/// <param name="PlacementLocation">What decided its place, where ordering rules are reported: its <c>Order = ...</c>
/// argument, the <c>[assembly: UseMiddleware]</c> that added it, or else its name.</param>
/// <param name="HasCompileErrors">Left out, silently, because it names a type the compiler rejects (<see cref="BrokenTypes"/>).</param>
/// <param name="DependencyLocations">Where each of its spec's <see cref="MiddlewareSpec.Dependencies"/> is declared, in the same order; empty for a class from another assembly.</param>
internal sealed record MiddlewareDiscovery(
    LocationInfo? Location,
    MiddlewareSpec? Middleware,
    EquatableArray<DiagnosticInfo> Diagnostics,
    LocationInfo? PlacementLocation = null,
    bool HasCompileErrors = false,
    EquatableArray<LocationInfo> DependencyLocations = default);

/// <summary>A concrete message type declared in this compilation.</summary>
/// <param name="Kind">Request, notification or stream request.</param>
/// <param name="MessageType">The type, without nullable annotations.</param>
/// <param name="HandlerContract">The interface its handler implements, for the diagnostic's advice.</param>
/// <param name="Location">The type's name in its declaration.</param>
/// <param name="Supertypes">Its base classes and interfaces: a handler of one of them serves this message too.</param>
/// <param name="Notification">For notifications, the description planning needs to give it a pipeline.</param>
/// <param name="Requirements">The concerns it asks for through <c>[RequiresConcern]</c> attributes and interfaces.</param>
internal sealed record MessageDeclaration(
    MessageKind Kind,
    string MessageType,
    string HandlerContract,
    LocationInfo? Location,
    EquatableArray<string> Supertypes,
    MessageTypeSpec? Notification,
    EquatableArray<ConcernRequirement> Requirements = default);

/// <summary>A concern a message asks for: its pipeline must hold a middleware that provides it.</summary>
/// <param name="Concern">The concern name.</param>
/// <param name="IsError">From <c>[RequiresConcern(Severity = RuleSeverity.Error)]</c>.</param>
/// <param name="AskedBy">The attribute or interface that asks, as a user reads it.</param>
/// <param name="Location">The attribute on the message, or else the message's name.</param>
internal sealed record ConcernRequirement(string Concern, bool IsError, string AskedBy, LocationInfo? Location);

/// <summary>Everything <see cref="DeclarationScanner"/> found in one compilation, in source order.</summary>
/// <param name="Handlers">One per <c>[Handler]</c> class declaration.</param>
/// <param name="Middlewares">One per <c>[Middleware]</c> class declaration.</param>
/// <param name="Messages">Concrete message types declared in the compilation.</param>
/// <param name="TypeDiagnostics">What is wrong with <c>[MiddlewareGroup]</c> types, and <c>[UseMiddleware]</c> on classes that are not handlers.</param>
/// <param name="HasCompileErrors">
/// A declaration the generator reads names a type the compiler rejects (an attribute, a base type, a constraint, a
/// contract's type argument), or has no name. What the generator found may then not be what the author meant, and the
/// compiler already reports the error: the generator adds no diagnostic of its own (see <c>GeneratorDiagnostics</c>).
/// </param>
internal sealed record Discoveries(
    EquatableArray<HandlerDiscovery> Handlers,
    EquatableArray<MiddlewareDiscovery> Middlewares,
    EquatableArray<MessageDeclaration> Messages,
    EquatableArray<DiagnosticInfo> TypeDiagnostics,
    bool HasCompileErrors = false);

/// <summary>Whether generated code can compile in this project (<see cref="SupportCheck"/>).</summary>
/// <param name="CanGenerate">False: the generator writes nothing and reports only <paramref name="Diagnostics"/>.</param>
/// <param name="Diagnostics">Why not, when the user can do something about it (MED0038, MED0039).</param>
internal sealed record GeneratorSupport(bool CanGenerate, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static readonly GeneratorSupport Supported = new(true, EquatableArray<DiagnosticInfo>.Empty);

    /// <summary>Nothing to generate against, and nothing to say (the library is not referenced).</summary>
    public static readonly GeneratorSupport Unsupported = new(false, EquatableArray<DiagnosticInfo>.Empty);
}
