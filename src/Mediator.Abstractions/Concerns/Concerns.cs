namespace Mediator;

/// <summary>
/// The names of the concerns the built-in middlewares provide, in their canonical order, outermost first.
/// A middleware says which concern it provides with <see cref="MiddlewareAttribute.Concern"/>; ordering rules
/// (<see cref="RunsBeforeAttribute"/>, <see cref="MustRunInsideAttribute"/>, ...) and concern requirements
/// (<see cref="RequiresConcernAttribute"/>) refer to middleware by these names, so your own middleware that provides a
/// concern is held to the same rules as the built-in one. You may use names of your own as well.
/// </summary>
public static class Concerns
{
    /// <summary>Structured logging around dispatch.</summary>
    public const string Logging = "Logging";

    /// <summary>Checks the message before the handler sees it.</summary>
    public const string Validation = "Validation";

    /// <summary>Checks the caller's permission to send the message.</summary>
    public const string Authorization = "Authorization";

    /// <summary>Counters, histograms and tracing spans.</summary>
    public const string Metrics = "Metrics";

    /// <summary>Limits how often a caller may send.</summary>
    public const string RateLimit = "RateLimit";

    /// <summary>Caps the dispatches in flight.</summary>
    public const string Bulkhead = "Bulkhead";

    /// <summary>Answers repeated reads from a cache.</summary>
    public const string Caching = "Caching";

    /// <summary>Re-invokes on transient failures.</summary>
    public const string Retry = "Retry";

    /// <summary>Cancels a dispatch that takes too long.</summary>
    public const string Timeout = "Timeout";

    /// <summary>Stops calling a failing handler for a while.</summary>
    public const string CircuitBreaker = "CircuitBreaker";

    /// <summary>Wraps the handler in a unit of work.</summary>
    public const string Transaction = "Transaction";
}
