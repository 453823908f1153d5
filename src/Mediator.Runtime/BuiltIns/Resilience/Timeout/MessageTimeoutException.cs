using System;

namespace Mediator.Resilience;

/// <summary>
/// A send that the timeout middleware cut short: its deadline passed while the caller was still waiting. It is a
/// <see cref="TimeoutException"/>, so code that catches that (and the retry middleware) treats it as one; a caller
/// that cancelled gets an <see cref="OperationCanceledException"/> instead, never this.
/// </summary>
public sealed class MessageTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a send of <paramref name="messageType"/> that exceeded <paramref name="timeout"/>.</summary>
    /// <param name="messageType">The message type that timed out.</param>
    /// <param name="timeout">The deadline it had.</param>
    /// <param name="innerException">The cancellation the deadline caused inside the pipeline.</param>
    public MessageTimeoutException(Type messageType, TimeSpan timeout, Exception? innerException)
        : base($"{messageType} did not complete within {timeout.TotalMilliseconds} ms.", innerException)
    {
        MessageType = messageType;
        Timeout = timeout;
    }

    /// <summary>The message type that timed out.</summary>
    public Type MessageType { get; }

    /// <summary>The deadline the send had.</summary>
    public TimeSpan Timeout { get; }
}
