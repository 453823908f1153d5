using System.Collections.Concurrent;
using Mediator;
using Ordering.Domain;

namespace Ordering.Application;

/// <summary>Units sold per product since the application started (a read model the sales handlers share).</summary>
public sealed class SalesLedger
{
    private readonly ConcurrentDictionary<string, int> _units = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counts <paramref name="quantity"/> more units of <paramref name="product"/>.</summary>
    public void Record(string product, int quantity) => _units.AddOrUpdate(product, quantity, (_, sold) => sold + quantity);

    /// <summary>One line per product, by name.</summary>
    public SalesReport Report()
        => new(_units.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => new ProductSales(p.Key, p.Value)).ToList());
}

/// <summary>Ordering.Application's handler of the domain event (Ordering.Infrastructure has another).</summary>
[Handler]
internal sealed class RecordSale(SalesLedger ledger) : INotificationHandler<OrderPlaced>
{
    public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken)
    {
        ledger.Record(notification.Product, notification.Quantity);
        return default;
    }
}

[Handler]
internal sealed class GetSalesReportHandler(SalesLedger ledger) : IRequestHandler<GetSalesReport, SalesReport>
{
    public ValueTask<SalesReport> Handle(GetSalesReport request, CancellationToken cancellationToken) => new(ledger.Report());
}
