using System;
using System.Collections.Generic;
using System.Linq;

namespace Mediator;

/// <summary>
/// Thrown by <c>Publish</c> after every handler has run when at least one failed. Handlers that completed or dropped
/// the notification are not in it; <see cref="Failures"/> lists each failed handler with its last exception, in the
/// order the handlers are declared to run. It is an <see cref="AggregateException"/> of those exceptions, so code that
/// already catches aggregates keeps working.
/// </summary>
public sealed class PublishException : AggregateException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="notificationType">The type of the notification published.</param>
    /// <param name="failures">The handlers that failed; at least one.</param>
    public PublishException(Type notificationType, IReadOnlyList<NotificationFailure> failures)
        : base(Describe(notificationType, failures), failures.Select(f => f.Exception))
    {
        NotificationType = notificationType;
        Failures = failures;
    }

    /// <summary>The type of the notification published.</summary>
    public Type NotificationType { get; }

    /// <summary>Each failed handler with its last exception and the number of attempts.</summary>
    public IReadOnlyList<NotificationFailure> Failures { get; }

    private static string Describe(Type notificationType, IReadOnlyList<NotificationFailure> failures)
    {
        if (notificationType is null)
        {
            throw new ArgumentNullException(nameof(notificationType));
        }

        if (failures is null || failures.Count == 0)
        {
            throw new ArgumentException("A publish failure needs at least one failed handler.", nameof(failures));
        }

        var handlers = string.Join(", ", failures.Select(f => TypeDisplay.Of(f.HandlerType) + " (" + TypeDisplay.Of(f.Exception.GetType()) + ")"));
        return $"{failures.Count} handler(s) of '{TypeDisplay.Of(notificationType)}' failed: {handlers}. The other handlers ran; see Failures.";
    }
}
