using System.Runtime.CompilerServices;
using Mediator;

namespace Quickstart;

/// <summary>A notification: every handler of it, of its interfaces and of its base classes receives it.</summary>
public sealed record OrderPlaced(OrderId Id, string Product) : INotification;

[Handler]
public sealed class SendConfirmation : INotificationHandler<OrderPlaced>
{
    public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken)
    {
        Trace.Write($"email: order {notification.Id.Value} confirmed");
        return default;
    }
}

[Handler]
public sealed class ReserveStock : INotificationHandler<OrderPlaced>
{
    public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken)
        // Drop: discarded on purpose, recorded, not an error to the publisher.
        => notification.Product == "gift card" ? throw new DropException("nothing to reserve") : Reserve(notification);

    private static ValueTask Reserve(OrderPlaced notification)
    {
        Trace.Write($"stock: reserved {notification.Product}");
        return default;
    }
}

/// <summary>Publish side: runs once per Publish, before the notification fans out to its handlers.</summary>
[Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishLog<TNotification> : INotificationMiddleware<TNotification>
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
    {
        Trace.Write($"publish: {typeof(TNotification).Name}");
        await next.InvokeAsync(notification, context);
    }
}

/// <summary>A stream request: the caller reads the items as the handler produces them.</summary>
public sealed record RecentOrders(int Count) : IStreamRequest<string>;

[Handler]
public sealed class RecentOrdersHandler : IStreamRequestHandler<RecentOrders, string>
{
    public async IAsyncEnumerable<string> Handle(RecentOrders request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 1; i <= request.Count; i++)
        {
            await Task.Yield();
            yield return $"order {i}";
        }
    }
}

/// <summary>Around a stream: before the first item, around each item, after the last.</summary>
[Middleware(Order = 10)]
public sealed class CountItems<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
{
    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
    {
        var count = 0;
        await foreach (var item in next.InvokeAsync(request, context))
        {
            count++;
            yield return item;
        }

        Trace.Write($"stream: {count} item(s)");
    }
}
