using System;

namespace Mediator.Resilience;

/// <summary>
/// Lets the retry middleware re-invoke this message on transient failures (<see cref="TransientException"/>, a
/// <see cref="TimeoutException"/>, or what a registered retry predicate accepts), waiting an exponential back-off
/// between attempts. Cancellation is never retried. The message must be idempotent (<see cref="IIdempotent"/>,
/// <see cref="IQuery{TResponse}"/>) or set <see cref="AllowNonIdempotent"/>.
/// </summary>
/// <example><code>
/// [Retry(MaxAttempts = 3, BaseDelayMilliseconds = 100)]
/// public sealed record GetQuote(string Symbol) : IQuery&lt;Quote&gt;;
/// </code></example>
[RequiresConcern(Concerns.Retry)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class RetryAttribute : Attribute
{
    /// <summary>How many times the handler may be called in all, the first call included. Default 3 (two retries).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; each further retry waits twice the previous one. Default 100.</summary>
    public int BaseDelayMilliseconds { get; set; } = 100;

    /// <summary>The longest wait between two attempts, whatever the attempt number. Default 10,000.</summary>
    public int MaxDelayMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// Whether each wait is drawn at random between half and all of the exponential delay, so that callers that failed
    /// together do not retry together. Default true.
    /// </summary>
    public bool Jitter { get; set; } = true;

    /// <summary>
    /// Retries this message even though it is not marked idempotent: you accept that its handler may run more than
    /// once for one send. Default false.
    /// </summary>
    public bool AllowNonIdempotent { get; set; }
}
