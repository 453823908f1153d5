namespace Mediator.SourceGenerator.Model;

/// <summary>Project-level inputs: where the mediator goes and whether dependency injection is referenced.</summary>
/// <param name="Namespace">The project's root namespace (or assembly name), where the generated <c>Mediator</c> class lives.</param>
/// <param name="HasServiceCollection">Microsoft.Extensions.DependencyInjection.Abstractions is referenced.</param>
internal sealed record GeneratorOptions(string Namespace, bool HasServiceCollection);
