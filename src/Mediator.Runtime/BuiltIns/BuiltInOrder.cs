namespace Mediator.BuiltIns;

/// <summary>
/// The default <see cref="MiddlewareAttribute.Order"/> of each built-in middleware: the canonical order, outermost
/// first. Your own middleware with the default order 0 runs inside all of them, next to the handler.
/// Override one with <c>[assembly: UseMiddleware(typeof(...), Order = ...)]</c>; the ordering rules the built-ins
/// declare (docs/diagnostics) still apply.
/// </summary>
public static class BuiltInOrder
{
    /// <summary>Logging: outermost, so it sees every outcome.</summary>
    public const int Logging = -1100;

    /// <summary>Validation.</summary>
    public const int Validation = -1000;

    /// <summary>Authorization.</summary>
    public const int Authorization = -900;

    /// <summary>Metrics.</summary>
    public const int Metrics = -800;

    /// <summary>RateLimit.</summary>
    public const int RateLimit = -700;

    /// <summary>Bulkhead.</summary>
    public const int Bulkhead = -600;

    /// <summary>Caching: inside authorization, so a hit never skips the permission check.</summary>
    public const int Caching = -500;

    /// <summary>Retry.</summary>
    public const int Retry = -400;

    /// <summary>Timeout: inside retry, so each attempt gets its own deadline.</summary>
    public const int Timeout = -300;

    /// <summary>CircuitBreaker: inside retry, so it counts every attempt.</summary>
    public const int CircuitBreaker = -200;

    /// <summary>Transaction: innermost of the built-ins, so every attempt gets a fresh unit of work.</summary>
    public const int Transaction = -100;
}
