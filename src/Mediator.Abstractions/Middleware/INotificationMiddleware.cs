using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Middleware for notifications only. By default it runs around each handler
/// (<see cref="MiddlewareDirection.OnMessage"/>); with <c>[Middleware(Direction = MiddlewareDirection.OnPublish)]</c>
/// it runs once per <c>Publish</c>, before the notification fans out to its handlers:
/// <code>
/// [Middleware(Direction = MiddlewareDirection.OnPublish)]
/// public sealed class PublishLog&lt;TNotification&gt; : INotificationMiddleware&lt;TNotification&gt;
/// {
///     public async ValueTask InvokeAsync&lt;TNext&gt;(TNotification notification, TNext next, MessageContext context)
///         where TNext : struct, INotificationNext&lt;TNotification&gt;
///     {
///         Console.WriteLine($"publishing {typeof(TNotification).Name}");
///         await next.InvokeAsync(notification, context);
///     }
/// }
/// </code>
/// A notification has no answer, so this contract returns a plain <see cref="ValueTask"/>: nothing to return, and one
/// field less in every layer's state machine than <see cref="IMiddleware{TMessage, TResult}"/> with <see cref="Unit"/>.
/// <see cref="IMiddleware{TMessage, TResult}"/> still wraps notifications (with <c>TResult</c> = <see cref="Unit"/>)
/// when one class should serve requests and notifications; both kinds mix freely in one pipeline.
/// </summary>
/// <typeparam name="TNotification">The notification type.</typeparam>
public interface INotificationMiddleware<TNotification>
{
    /// <summary>Runs this middleware; call <paramref name="next"/> to continue to the fan-out or the handler.</summary>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="notification">The notification.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">Cancellation, message type and the optional items bag of this dispatch.</param>
    /// <returns>A task that completes when the rest of the pipeline has.</returns>
    ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>;
}
