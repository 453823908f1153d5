namespace Mediator.SourceGenerator.Model;

/// <summary>Project-level inputs: what the mediator is called, whether dependency injection is referenced, and what is in the way.</summary>
/// <param name="Mediator">The generated class's namespace and name; null when they are invalid (MED0036) or clash with the user's (MED0035): nothing is generated then.</param>
/// <param name="HasServiceCollection">Microsoft.Extensions.DependencyInjection.Abstractions is referenced.</param>
/// <param name="DefaultStrategy">From <c>[assembly: PublishStrategy(...)]</c>, else sequential.</param>
/// <param name="DefaultFailures">From <c>[assembly: PublishFailures(...)]</c>, else aggregate.</param>
/// <param name="ForeignRegistration">
/// A registration method of the same name that a referenced assembly lets this one see (<c>InternalsVisibleTo</c> from
/// the project under test), as a person reads it; a second one would make every call ambiguous, so none is written.
/// </param>
internal sealed record GeneratorOptions(
    MediatorName? Mediator,
    bool HasServiceCollection,
    PublishStrategyChoice? DefaultStrategy = null,
    ForeignRegistration? ForeignRegistration = null,
    PublishFailureKind DefaultFailures = PublishFailureKind.Aggregate);

/// <summary>An extension method of the generated registration's name and shape, in a referenced assembly.</summary>
/// <param name="Method">The method, as a person reads it.</param>
/// <param name="Assembly">The assembly that declares it.</param>
internal sealed record ForeignRegistration(string Method, string Assembly);
