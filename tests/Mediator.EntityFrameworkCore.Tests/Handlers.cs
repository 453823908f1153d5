using Mediator;

namespace EfCoreTests;

// Scoped like the context they take: the container gives each one the scope's ShopDb.

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class PlaceOrderHandler(ShopDb db, HandlerLog log) : IRequestHandler<PlaceOrder, int>
{
    public async ValueTask<int> Handle(PlaceOrder request, CancellationToken cancellationToken)
        => await OrderWriter.SaveAsync(db, log, request.Product, request.FailAfterSave, cancellationToken);
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class PlaceOrderWithoutTransactionHandler(ShopDb db, HandlerLog log) : IRequestHandler<PlaceOrderWithoutTransaction, int>
{
    public async ValueTask<int> Handle(PlaceOrderWithoutTransaction request, CancellationToken cancellationToken)
        => await OrderWriter.SaveAsync(db, log, request.Product, request.FailAfterSave, cancellationToken);
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class PlaceTwoOrdersHandler(ShopDb db, HandlerLog log, ISender sender) : IRequestHandler<PlaceTwoOrders>
{
    public async ValueTask Handle(PlaceTwoOrders request, CancellationToken cancellationToken)
    {
        await OrderWriter.SaveAsync(db, log, request.First, failAfterSave: false, cancellationToken);
        await sender.Send(new PlaceOrder(request.Second, request.FailSecond), cancellationToken);
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class FlakyOrderHandler(ShopDb db, HandlerLog log) : IRequestHandler<FlakyOrder>
{
    public async ValueTask Handle(FlakyOrder request, CancellationToken cancellationToken)
    {
        var attempt = log.Visits.Count(visit => visit.Product.StartsWith("attempt ", StringComparison.Ordinal)) + 1;
        if (attempt <= request.FailingAttempts)
        {
            await OrderWriter.SaveAsync(db, log, $"attempt {attempt}", failAfterSave: false, cancellationToken);
            db.Orders.Add(new Order { Product = $"unsaved {attempt}" });
            throw new TransientFailure($"attempt {attempt} failed");
        }

        await OrderWriter.SaveAsync(db, log, request.Product, failAfterSave: false, cancellationToken);
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class SerializableOrderHandler(ShopDb db, HandlerLog log) : IRequestHandler<SerializableOrder>
{
    public async ValueTask Handle(SerializableOrder request, CancellationToken cancellationToken)
        => await OrderWriter.SaveAsync(db, log, request.Product, failAfterSave: false, cancellationToken);
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class ReadUncommittedOrderHandler(ShopDb db, HandlerLog log) : IRequestHandler<ReadUncommittedOrder>
{
    public async ValueTask Handle(ReadUncommittedOrder request, CancellationToken cancellationToken)
        => await OrderWriter.SaveAsync(db, log, request.Product, failAfterSave: false, cancellationToken);
}

/// <summary>What every handler here does: add an order, save it, record what it saw, and fail afterwards if asked.</summary>
public static class OrderWriter
{
    public static async Task<int> SaveAsync(ShopDb db, HandlerLog log, string product, bool failAfterSave, CancellationToken cancellationToken)
    {
        var order = new Order { Product = product };
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);
        log.Record(product, db);
        if (failAfterSave)
        {
            throw new InvalidOperationException($"{product} failed after its row was written");
        }

        return order.Id;
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class PlaceOrderThenCancelHandler(ShopDb db, HandlerLog log) : IRequestHandler<PlaceOrderThenCancel>
{
    public async ValueTask Handle(PlaceOrderThenCancel request, CancellationToken cancellationToken)
    {
        await OrderWriter.SaveAsync(db, log, request.Product, failAfterSave: false, cancellationToken);
        await request.Caller.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}

/// <summary>A singleton (the default lifetime) with no context of its own.</summary>
[Handler]
public sealed class PingHandler : IRequestHandler<Ping>
{
    public ValueTask Handle(Ping request, CancellationToken cancellationToken) => default;
}
