using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Mediator.Caching;
using Microsoft.EntityFrameworkCore;
using WebApi.Data;

namespace WebApi.Orders;

/// <summary>
/// The caller's own orders, cached for ten seconds (an order placed meanwhile shows up when the answer expires). The
/// message has no field saying whose orders it asks for: the handler reads the caller. The caching built-in keeps the
/// answer per caller all the same, because it puts the caller into the key whenever one is known; declaring this
/// message <c>SharedAcrossCallers</c> would hand one customer's orders to the next, and the generator warns (MED0070)
/// because the handler takes <see cref="ICallerAccessor"/>.
/// </summary>
[Authorize]
[Cache(DurationSeconds = 10)]
public sealed record GetMyOrders : IRequest<MyOrders>;

/// <summary>The caller's orders, oldest first.</summary>
public sealed record MyOrders(IReadOnlyList<OrderSummary> Orders);

/// <summary>One order: its number, when, what and how much.</summary>
public sealed record OrderSummary(int OrderId, DateTimeOffset PlacedAt, IReadOnlyList<OrderLineRequest> Lines, decimal Total);

[Handler(Lifetime = ComponentLifetime.Scoped)]
internal sealed class GetMyOrdersHandler(ShopDb db, ICallerAccessor caller) : IRequestHandler<GetMyOrders, MyOrders>
{
    public async ValueTask<MyOrders> Handle(GetMyOrders request, CancellationToken cancellationToken)
    {
        var customer = Customer.Of(caller);
        var orders = await db.Orders.AsNoTracking()
            .Where(order => order.Customer == customer)
            .OrderBy(order => order.Id)
            .Select(order => new { order.Id, order.PlacedAt, Lines = order.Lines.OrderBy(line => line.Id).ToList() })
            .ToListAsync(cancellationToken);
        return new MyOrders(orders
            .Select(order => new OrderSummary(
                order.Id,
                order.PlacedAt,
                order.Lines.Select(line => new OrderLineRequest(line.Sku, line.Quantity)).ToList(),
                order.Lines.Sum(line => line.UnitPrice * line.Quantity)))
            .ToList());
    }
}
