namespace Mediator.SourceGenerator.Model;

/// <summary>Project-level inputs: where the mediator goes and whether dependency injection is referenced.</summary>
/// <param name="Namespace">The project's root namespace (or assembly name), where the generated <c>Mediator</c> class lives.</param>
/// <param name="HasServiceCollection">Microsoft.Extensions.DependencyInjection.Abstractions is referenced.</param>
/// <param name="DefaultStrategy">From <c>[assembly: PublishStrategy(...)]</c>, else sequential.</param>
internal sealed record GeneratorOptions(string Namespace, bool HasServiceCollection, PublishStrategyKind DefaultStrategy = PublishStrategyKind.Sequential);
