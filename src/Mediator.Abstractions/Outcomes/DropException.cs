using System;

namespace Mediator;

/// <summary>
/// Ends a notification on purpose: thrown by a notification handler or middleware, the notification is discarded for
/// that handler (or, from publish-side middleware, for all handlers). It is recorded as dropped, is not retried and is
/// not an error to the publisher.
/// </summary>
public sealed class DropException : Exception
{
    /// <summary>Drops the notification for <paramref name="reason"/>.</summary>
    /// <param name="reason">Why, for logs and test assertions.</param>
    public DropException(string reason)
        : base(reason)
    {
    }

    /// <summary>Drops the notification for <paramref name="reason"/>, keeping the exception that led to it.</summary>
    /// <param name="reason">Why, for logs and test assertions.</param>
    /// <param name="innerException">The error that made the notification worthless.</param>
    public DropException(string reason, Exception? innerException)
        : base(reason, innerException)
    {
    }
}
