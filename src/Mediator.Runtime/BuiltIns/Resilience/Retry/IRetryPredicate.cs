using System;

namespace Mediator.Resilience;

/// <summary>
/// Tells the retry middleware that an exception it would not retry on its own (it retries
/// <see cref="TransientException"/> and <see cref="TimeoutException"/>) is transient, for example a database
/// driver's deadlock error. Register implementations as singletons; any one that says yes makes the attempt retried.
/// Cancellation of the caller's token is never retried, whatever a predicate says.
/// </summary>
public interface IRetryPredicate
{
    /// <summary>Whether <paramref name="exception"/>, thrown by a send of <paramref name="messageType"/>, is worth another attempt.</summary>
    /// <param name="exception">The failure of the attempt.</param>
    /// <param name="messageType">The message type being sent.</param>
    bool IsTransient(Exception exception, Type messageType);
}
