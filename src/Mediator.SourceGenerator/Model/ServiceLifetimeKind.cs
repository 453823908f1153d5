namespace Mediator.SourceGenerator.Model;

/// <summary>The generator's copy of <c>Mediator.HandlerLifetime</c> (same values), so models hold no attribute data.</summary>
internal enum ServiceLifetimeKind
{
    Singleton = 0,
    Scoped = 1,
    Transient = 2,
}
