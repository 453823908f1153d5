using System;

namespace Mediator.RateLimiting;

/// <summary>
/// Thrown by the rate limit middleware when the caller has used up its tokens (or, with
/// <see cref="AnonymousCallerPolicy.Reject"/>, has no authenticated identity): the handler was not called.
/// Map it to HTTP 429 with a <c>Retry-After</c> header from <see cref="RetryAfter"/>.
/// </summary>
/// <remarks>It lives in Mediator.Runtime: the caller of <c>Send</c> catches it, never the message or handler author.</remarks>
public sealed class RateLimitExceededException : Exception
{
    /// <summary>Describes a refusal.</summary>
    /// <param name="messageType">The refused message type.</param>
    /// <param name="retryAfter">When a token will be there again, or null when waiting will not help.</param>
    /// <param name="anonymous">Whether the caller had no authenticated identity.</param>
    public RateLimitExceededException(Type messageType, TimeSpan? retryAfter, bool anonymous)
        : base(Describe(messageType, retryAfter, anonymous))
    {
        MessageType = messageType;
        RetryAfter = retryAfter;
        Anonymous = anonymous;
    }

    /// <summary>The refused message type.</summary>
    public Type MessageType { get; }

    /// <summary>
    /// How long until the caller's bucket has a token again; null when waiting will not help (anonymous callers refused by
    /// policy, or no room for a new caller's bucket).
    /// </summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether the caller had no authenticated identity (it shared, or was refused, the anonymous partition).</summary>
    public bool Anonymous { get; }

    private static string Describe(Type messageType, TimeSpan? retryAfter, bool anonymous)
        => "Rate limit exceeded for " + messageType.Name + (anonymous ? " (anonymous caller)" : "")
           + (retryAfter is { } wait ? "; retry after " + wait.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " ms." : ".");
}
