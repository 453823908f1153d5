using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Orders;

public sealed record OrderLine(string Sku, int Quantity, decimal Price);

public sealed record PlaceOrder(Guid CustomerId, IReadOnlyList<OrderLine> Lines) : IRequest<OrderPlaced>;

public readonly record struct OrderPlaced(int Number, decimal Total);

public sealed record CancelOrder(int Number, string? Reason = null) : IRequest;

public record GetOrder(int Number) : IRequest<OrderView>;

public sealed record GetArchivedOrder(int Number) : GetOrder(Number);

public sealed record OrderView(int Number, decimal Total, bool Found)
{
    public static readonly OrderView Missing = new(0, 0m, false);
}

public sealed class OrderStore
{
    private readonly Dictionary<int, decimal> _totals = new();
    private int _last = 1000;

    public int Add(decimal total)
    {
        _totals[++_last] = total;
        return _last;
    }

    public bool Remove(int number) => _totals.Remove(number);

    public OrderView Find(int number) => _totals.TryGetValue(number, out var total) ? new OrderView(number, total, true) : OrderView.Missing;
}

[Handler]
public sealed class PlaceOrderHandler(OrderStore store) : IRequestHandler<PlaceOrder, OrderPlaced>
{
    public ValueTask<OrderPlaced> Handle(PlaceOrder request, CancellationToken cancellationToken)
    {
        var total = 0m;
        foreach (var line in request.Lines)
        {
            total += line.Price * line.Quantity;
        }

        return new(new OrderPlaced(store.Add(total), total));
    }
}

[Handler(Lifetime = HandlerLifetime.Scoped)]
public sealed class OrderQueries(OrderStore store) : IRequestHandler<CancelOrder>, IRequestHandler<GetOrder, OrderView>
{
    public ValueTask Handle(CancelOrder request, CancellationToken cancellationToken)
    {
        store.Remove(request.Number);
        return default;
    }

    public ValueTask<OrderView> Handle(GetOrder request, CancellationToken cancellationToken)
        => new(request is GetArchivedOrder ? OrderView.Missing : store.Find(request.Number));
}
