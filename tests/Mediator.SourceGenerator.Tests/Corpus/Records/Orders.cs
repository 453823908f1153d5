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

/// <summary>How many orders are open; null when nothing is known of the customer.</summary>
public sealed record CountOpenOrders(Guid CustomerId) : IRequest<int?>;

/// <summary>An order's number and total, when it exists; and its lines as (sku, quantity) pairs.</summary>
public sealed record GetTotals(int Number) : IRequest<(int Number, decimal Total)?>;

public sealed record GetLines(int Number) : IRequest<(string Sku, int Quantity)[]>;

public sealed record OrderView(int Number, decimal Total, bool Found)
{
    public static readonly OrderView Missing = new(0, 0m, false);
}

public sealed class OrderStore
{
    private readonly Dictionary<int, decimal> _totals = new();
    private readonly Dictionary<int, (string Sku, int Quantity)[]> _lines = new();
    private int _last = 1000;

    public int Count => _totals.Count;

    public (string Sku, int Quantity)[] Lines(int number) => _lines.TryGetValue(number, out var lines) ? lines : Array.Empty<(string, int)>();

    public void Keep(int number, (string Sku, int Quantity)[] lines) => _lines[number] = lines;

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

        var number = store.Add(total);
        var kept = new (string Sku, int Quantity)[request.Lines.Count];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = (request.Lines[i].Sku, request.Lines[i].Quantity);
        }

        store.Keep(number, kept);
        return new(new OrderPlaced(number, total));
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
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

[Handler]
public sealed class OrderStatistics(OrderStore store)
    : IRequestHandler<CountOpenOrders, int?>, IRequestHandler<GetTotals, (int Number, decimal Total)?>, IRequestHandler<GetLines, (string Sku, int Quantity)[]>
{
    public ValueTask<int?> Handle(CountOpenOrders request, CancellationToken cancellationToken)
        => new(request.CustomerId == Guid.Empty ? store.Count : null);

    public ValueTask<(int Number, decimal Total)?> Handle(GetTotals request, CancellationToken cancellationToken)
    {
        var view = store.Find(request.Number);
        return new(view.Found ? (view.Number, view.Total) : null);
    }

    public ValueTask<(string Sku, int Quantity)[]> Handle(GetLines request, CancellationToken cancellationToken) => new(store.Lines(request.Number));
}
