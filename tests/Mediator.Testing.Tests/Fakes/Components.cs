namespace Mediator.Testing.Tests.Fakes;

// Stand-ins for the user's middlewares and handlers: the fake mediator only reports their types to the observer,
// as generated pipelines report the closed types.
public sealed class MiddlewareA<TRequest, TResponse>;

public sealed class MiddlewareB<TRequest, TResponse>;

public sealed class PingHandler;

public sealed class CommandHandler;

public sealed class OuterHandler;

public sealed class PublishLogging<TNotification>;

public sealed class HandlerSideRetry<TNotification>;

public sealed class DroppingHandler;

public sealed class FlakyHandler;

public sealed class ItemProducedHandler;

public sealed class StreamLogging<TRequest, TItem>;

public sealed class CountdownHandler;
