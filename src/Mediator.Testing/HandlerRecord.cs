using System;

namespace Mediator.Testing;

/// <summary>
/// How the delivery of a notification to one handler ended, as reported by
/// <see cref="IDispatchObserver.OnNotificationOutcome"/>. Records compare by value (the exception by reference).
/// </summary>
/// <param name="MessageType">The notification type the pipeline was compiled for.</param>
/// <param name="HandlerType">The handler.</param>
/// <param name="Outcome">Completed, dropped or failed.</param>
/// <param name="Attempts">How many times the notification was delivered to the handler (1 without retries).</param>
/// <param name="Exception">The <see cref="DropException"/> or the last failure; null when completed.</param>
public sealed record HandlerRecord(Type MessageType, Type HandlerType, MessageOutcome Outcome, int Attempts, Exception? Exception)
{
    /// <summary>How many times the delivery was retried: <see cref="Attempts"/> minus one, never negative.</summary>
    public int Retries => Math.Max(0, Attempts - 1);

    /// <summary>A short description for assertion messages, such as <c>AuditHandler: Failed after 3 attempts</c>.</summary>
    public override string ToString()
        => $"{TypeNames.Display(HandlerType)}: {Outcome} after {Attempts} attempt(s)" + (Exception is null ? string.Empty : $" ({Exception.GetType().Name}: {Exception.Message})");
}
