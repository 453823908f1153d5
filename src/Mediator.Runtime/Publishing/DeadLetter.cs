using System;

namespace Mediator.Publishing;

/// <summary>A notification one handler failed to handle, as given to an <see cref="IDeadLetterSink"/>.</summary>
public sealed class DeadLetter
{
    /// <summary>Describes a failed delivery.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="notificationType">The notification type the pipeline was compiled for.</param>
    /// <param name="handlerType">The handler that failed.</param>
    /// <param name="exception">The last exception (a <see cref="RetryException"/> when retries ran out).</param>
    /// <param name="attempts">How many deliveries were made.</param>
    public DeadLetter(object notification, Type notificationType, Type handlerType, Exception exception, int attempts)
    {
        Notification = notification ?? throw new ArgumentNullException(nameof(notification));
        NotificationType = notificationType ?? throw new ArgumentNullException(nameof(notificationType));
        HandlerType = handlerType ?? throw new ArgumentNullException(nameof(handlerType));
        Exception = exception ?? throw new ArgumentNullException(nameof(exception));
        Attempts = attempts;
    }

    /// <summary>The notification.</summary>
    public object Notification { get; }

    /// <summary>The notification type the pipeline was compiled for.</summary>
    public Type NotificationType { get; }

    /// <summary>The handler that failed.</summary>
    public Type HandlerType { get; }

    /// <summary>The last exception (a <see cref="RetryException"/> when retries ran out).</summary>
    public Exception Exception { get; }

    /// <summary>How many deliveries were made.</summary>
    public int Attempts { get; }
}
