namespace Mediator;

/// <summary>
/// <see cref="IMiddleware{TMessage, TResult}"/> that applies to notifications only. By default it runs around each
/// handler (<see cref="MiddlewareDirection.OnMessage"/>); with <c>[Middleware(Direction = MiddlewareDirection.OnPublish)]</c>
/// it runs once per <c>Publish</c>, before the notification fans out to its handlers.
/// </summary>
/// <typeparam name="TNotification">The notification type.</typeparam>
public interface INotificationMiddleware<TNotification> : IMiddleware<TNotification, Unit>
{
}
