using System;

namespace Mediator.Testing;

/// <summary>
/// One middleware or handler that a pipeline reported as about to run. Steps compare by value, so a test can assert
/// a whole sequence with <c>Assert.Equal</c>; <see cref="Middleware"/> and <see cref="Handler"/> build expected ones.
/// </summary>
/// <param name="Kind">Whether a middleware or a handler ran.</param>
/// <param name="ComponentType">The closed middleware type, or the handler type.</param>
/// <param name="MessageType">The message type the pipeline was compiled for (for a published notification, the pipeline's type, which may be a base type of the message).</param>
/// <param name="HandlerType">For a handler step, the handler (same as <paramref name="ComponentType"/>); for handler-side notification middleware, the handler it wraps; otherwise null.</param>
public sealed record DispatchStep(DispatchStepKind Kind, Type ComponentType, Type MessageType, Type? HandlerType)
{
    /// <summary>A middleware step, as <see cref="IDispatchObserver.OnMiddleware"/> reports it.</summary>
    /// <param name="middlewareType">The closed middleware type.</param>
    /// <param name="messageType">The message type the pipeline was compiled for.</param>
    /// <param name="handlerType">The handler a handler-side notification middleware wraps; otherwise null.</param>
    public static DispatchStep Middleware(Type middlewareType, Type messageType, Type? handlerType = null)
        => new(DispatchStepKind.Middleware, middlewareType, messageType, handlerType);

    /// <summary>A handler step, as <see cref="IDispatchObserver.OnHandler"/> reports it.</summary>
    /// <param name="handlerType">The handler.</param>
    /// <param name="messageType">The message type the pipeline was compiled for.</param>
    public static DispatchStep Handler(Type handlerType, Type messageType)
        => new(DispatchStepKind.Handler, handlerType, messageType, handlerType);

    /// <summary>A short description for assertion messages, such as <c>Middleware Logging&lt;Ping, Pong&gt; (Ping)</c>.</summary>
    public override string ToString()
    {
        var wraps = Kind == DispatchStepKind.Middleware && HandlerType is not null ? " around " + TypeNames.Display(HandlerType) : string.Empty;
        return $"{Kind} {TypeNames.Display(ComponentType)}{wraps} ({TypeNames.Display(MessageType)})";
    }
}
