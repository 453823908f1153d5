namespace Mediator.SourceGenerator.Model;

/// <summary>
/// The generator's copy of <c>Mediator.ComponentLifetime</c> (same values), so models hold no attribute data. The values
/// are ordered from longest to shortest life: the lifetime of a pipeline is the largest of its components'.
/// </summary>
internal enum ServiceLifetimeKind
{
    Singleton = 0,
    Scoped = 1,
    Transient = 2,
}
