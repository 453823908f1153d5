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

// Three handlers, each handling both notifications, so that only the pipeline differs between benchmarks. Each returns
// a synchronously completed ValueTask.

[Handler]
public sealed class NoteHandlerA : INotificationHandler<Note0>, INotificationHandler<Note5>
{
    public ValueTask Handle(Note0 notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note5 notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class NoteHandlerB : INotificationHandler<Note0>, INotificationHandler<Note5>
{
    public ValueTask Handle(Note0 notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note5 notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class NoteHandlerC : INotificationHandler<Note0>, INotificationHandler<Note5>
{
    public ValueTask Handle(Note0 notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(Note5 notification, CancellationToken cancellationToken) => default;
}

// The seed's no-op layer for notifications: async, awaits next, nothing else.
public abstract class NoOpNotificationLayer<TNotification> : INotificationMiddleware<TNotification>
{
    public async ValueTask<Unit> InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INext<TNotification, Unit>
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
