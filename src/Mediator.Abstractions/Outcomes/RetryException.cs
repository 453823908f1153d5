using System;

namespace Mediator;

/// <summary>
/// Asks for the notification to be delivered to the same handler again: thrown by a notification handler or by
/// middleware around it. The mediator waits a back-off and retries, up to a bound
/// (<c>PublishOptions.MaxAttempts</c>); when the bound is reached the delivery is a failure and, if configured, the
/// dead-letter sink receives it. Cancellation is never retried.
/// </summary>
public sealed class RetryException : Exception
{
    /// <summary>Asks for a retry because of <paramref name="reason"/>.</summary>
    /// <param name="reason">Why, for logs and test assertions.</param>
    public RetryException(string reason)
        : base(reason)
    {
    }

    /// <summary>Asks for a retry because of <paramref name="reason"/>, keeping the transient error.</summary>
    /// <param name="reason">Why, for logs and test assertions.</param>
    /// <param name="innerException">The transient error.</param>
    public RetryException(string reason, Exception? innerException)
        : base(reason, innerException)
    {
    }
}
