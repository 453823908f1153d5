using System;

namespace Mediator;

/// <summary>One handler's failure to handle a published notification.</summary>
public sealed class NotificationFailure
{
    /// <summary>Describes a failure.</summary>
    /// <param name="handlerType">The handler that failed.</param>
    /// <param name="exception">The last exception it threw (a <see cref="RetryException"/> when retries ran out).</param>
    /// <param name="attempts">How many times the notification was delivered to it.</param>
    public NotificationFailure(Type handlerType, Exception exception, int attempts)
    {
        HandlerType = handlerType ?? throw new ArgumentNullException(nameof(handlerType));
        Exception = exception ?? throw new ArgumentNullException(nameof(exception));
        Attempts = attempts;
    }

    /// <summary>The handler that failed.</summary>
    public Type HandlerType { get; }

    /// <summary>The last exception it threw (a <see cref="RetryException"/> when retries ran out).</summary>
    public Exception Exception { get; }

    /// <summary>How many times the notification was delivered to the handler.</summary>
    public int Attempts { get; }

    /// <summary>Whether the handler asked for retries until the bound was reached.</summary>
    public bool RetriesExhausted => Exception is RetryException;
}
