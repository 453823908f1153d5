using Mediator;

namespace MediatorBenchmarks;

/// <summary>Notifications carrying this marker get the two publish-side and three handler-side no-op layers.</summary>
public interface IPublishLayers
{
}

/// <summary>Published to three handlers with no middleware.</summary>
public sealed class Note0 : INotification
{
}

/// <summary>Published to three handlers through 2 publish-side + 3 handler-side no-op middlewares.</summary>
public sealed class Note5 : INotification, IPublishLayers
{
}

/// <summary>
/// Published through the same 2 + 3 no-op layers written as non-generic middleware classes closed over this type, as
/// the hand-written layers are: separates the cost of generic (shared) middleware code from the generated code's.
/// </summary>
public sealed class NoteClosed : INotification
{
}

// Three handlers, each handling all three notifications, so that only the pipeline differs between benchmarks. Each returns
// a synchronously completed ValueTask.

[Handler]
public sealed class NoteHandlerA : INotificationHandler<Note0>, INotificationHandler<Note5>, INotificationHandler<NoteClosed>
{
    public ValueTask Handle(NoteClosed notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note0 notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note5 notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class NoteHandlerB : INotificationHandler<Note0>, INotificationHandler<Note5>, INotificationHandler<NoteClosed>
{
    public ValueTask Handle(NoteClosed notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note0 notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note5 notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class NoteHandlerC : INotificationHandler<Note0>, INotificationHandler<Note5>, INotificationHandler<NoteClosed>
{
    public ValueTask Handle(NoteClosed notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note0 notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note5 notification, CancellationToken cancellationToken) => default;
}

// The seed's no-op layer for notifications: async, awaits next, nothing else.
public abstract class NoOpNotificationLayer<TNotification> : INotificationMiddleware<TNotification>
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
        => await next.InvokeAsync(notification, context);
}

/// <summary>Once per Publish, outermost.</summary>
[Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishLayer1<T> : NoOpNotificationLayer<T> where T : IPublishLayers;

[Middleware(Order = 2, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishLayer2<T> : NoOpNotificationLayer<T> where T : IPublishLayers;

/// <summary>Around each handler.</summary>
[Middleware(Order = 1)]
public sealed class HandlerLayer1<T> : NoOpNotificationLayer<T> where T : IPublishLayers;

[Middleware(Order = 2)]
public sealed class HandlerLayer2<T> : NoOpNotificationLayer<T> where T : IPublishLayers;

[Middleware(Order = 3)]
public sealed class HandlerLayer3<T> : NoOpNotificationLayer<T> where T : IPublishLayers;

// The same five layers, closed over NoteClosed: the method lives in a non-generic class, so the JIT compiles it for
// NoteClosed itself rather than as code shared by every reference type.
public abstract class ClosedNoOpLayer : INotificationMiddleware<NoteClosed>
{
    public async ValueTask InvokeAsync<TNext>(NoteClosed notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<NoteClosed>
        => await next.InvokeAsync(notification, context);
}

[Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
public sealed class ClosedPublishLayer1 : ClosedNoOpLayer;

[Middleware(Order = 2, Direction = MiddlewareDirection.OnPublish)]
public sealed class ClosedPublishLayer2 : ClosedNoOpLayer;

[Middleware(Order = 1)]
public sealed class ClosedHandlerLayer1 : ClosedNoOpLayer;

[Middleware(Order = 2)]
public sealed class ClosedHandlerLayer2 : ClosedNoOpLayer;

[Middleware(Order = 3)]
public sealed class ClosedHandlerLayer3 : ClosedNoOpLayer;
