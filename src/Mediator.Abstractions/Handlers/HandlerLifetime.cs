namespace Mediator;

/// <summary>How long one handler instance lives; mirrors the dependency-injection lifetimes.</summary>
public enum HandlerLifetime
{
    /// <summary>One instance for the whole application (the default). The pipeline holds it directly.</summary>
    Singleton = 0,

    /// <summary>One instance per dependency-injection scope. The pipeline is resolved from the current scope.</summary>
    Scoped = 1,

    /// <summary>A new instance for every dispatch.</summary>
    Transient = 2,
}
