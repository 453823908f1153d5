using System;

namespace Mediator;

/// <summary>
/// Sees what a dispatch does, step by step: register one in the container (the test client in
/// <c>Mediator.Testing</c> does) and every pipeline reports to it. Without one, pipelines run their unobserved code,
/// which has no observer calls at all.
/// </summary>
/// <remarks>Calls come from the dispatching thread or from a handler's continuation; implementations must be thread-safe.</remarks>
public interface IDispatchObserver
{
    /// <summary>A middleware is about to run.</summary>
    /// <param name="middlewareType">The closed middleware type.</param>
    /// <param name="messageType">The message type the pipeline was compiled for.</param>
    /// <param name="handlerType">For handler-side notification middleware, the handler it wraps; otherwise null.</param>
    void OnMiddleware(Type middlewareType, Type messageType, Type? handlerType);

    /// <summary>A handler is about to run (once per attempt).</summary>
    /// <param name="handlerType">The handler.</param>
    /// <param name="messageType">The message type the pipeline was compiled for.</param>
    void OnHandler(Type handlerType, Type messageType);

    /// <summary>The delivery of a notification ended for one handler, or for all of them when dropped before the fan-out.</summary>
    /// <param name="messageType">The notification type the pipeline was compiled for.</param>
    /// <param name="handlerType">The handler; null when publish-side middleware dropped the notification for every handler.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="attempts">How many times it was delivered (1 without retries; 0 when dropped before the fan-out).</param>
    /// <param name="exception">The <see cref="DropException"/> or the failure; null when completed.</param>
    void OnNotificationOutcome(Type messageType, Type? handlerType, MessageOutcome outcome, int attempts, Exception? exception);
}
