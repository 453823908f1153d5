using System.Collections.Concurrent;
using Mediator;
using Ordering.Domain;

namespace Ordering.Infrastructure;

/// <summary>Pick lists sent to the warehouse (a message queue in a real application).</summary>
public sealed class WarehouseOutbox
{
    private readonly ConcurrentQueue<string> _sent = new();

    internal void Send(string notice) => _sent.Enqueue(notice);

    internal IReadOnlyList<string> Sent() => _sent.ToList();
}

/// <summary>Ordering.Infrastructure's handler of the domain event (Ordering.Application has another).</summary>
[Handler]
internal sealed class NotifyWarehouse(WarehouseOutbox outbox) : INotificationHandler<OrderPlaced>
{
    public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken)
    {
        outbox.Send($"order {notification.OrderId}: pick {notification.Quantity} x {notification.Product}");
        return default;
    }
}

[Handler]
internal sealed class GetWarehouseNoticesHandler(WarehouseOutbox outbox) : IRequestHandler<GetWarehouseNotices, WarehouseNotices>
{
    public ValueTask<WarehouseNotices> Handle(GetWarehouseNotices request, CancellationToken cancellationToken) => new(new WarehouseNotices(outbox.Sent()));
}
