using FluentValidation;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Mediator.Transactions;
using Microsoft.EntityFrameworkCore;
using WebApi.Data;

namespace WebApi.Orders;

/// <summary>
/// Places an order for the caller (any authenticated one), all or nothing: in one transaction, so a line the stock
/// cannot serve takes back the order and every line before it.
/// </summary>
[Authorize]
[Transactional]
public sealed record PlaceOrder(IReadOnlyList<OrderLineRequest> Lines) : IRequest<OrderPlaced>;

/// <summary>One product of an order, and how many.</summary>
public sealed record OrderLineRequest(string Sku, int Quantity);

/// <summary>What <see cref="PlaceOrder"/> answers: the order number and what it costs.</summary>
public sealed record OrderPlaced(int OrderId, decimal Total);

/// <summary>
/// FluentValidation rules of <see cref="PlaceOrder"/>; the SKU rule is asynchronous and asks the request's database.
/// Errors are named as FluentValidation names them (<c>Lines[1].Quantity</c>).
/// </summary>
public sealed class PlaceOrderRules : AbstractValidator<PlaceOrder>
{
    /// <summary>Creates the rules over the request's context.</summary>
    /// <param name="db">The request's database.</param>
    public PlaceOrderRules(ShopDb db)
    {
        RuleFor(order => order.Lines).NotEmpty().WithMessage("Order at least one product.");
        RuleForEach(order => order.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.Quantity).InclusiveBetween(1, 100).WithMessage("Order between 1 and 100 units.");
            line.RuleFor(l => l.Sku).Cascade(CascadeMode.Stop)
                .NotEmpty()
                .MustAsync((sku, cancellationToken) => db.Products.AnyAsync(product => product.Sku == sku, cancellationToken))
                .WithMessage("No product has this SKU.");
        });
    }
}

/// <summary>The stock cannot serve a line of an order: the app answers 409 (<see cref="Http.ShopExceptionHandler"/>).</summary>
public sealed class OutOfStockException(string sku, int quantity)
    : Exception($"There are fewer than {quantity} of '{sku}' in stock.")
{
    /// <summary>The product.</summary>
    public string Sku { get; } = sku;

    /// <summary>The units asked for.</summary>
    public int Quantity { get; } = quantity;
}

/// <summary>
/// Records the order, then takes its stock line by line. Writes before a failure on purpose: the transaction built-in,
/// not the order of the writes, is what keeps a failed order out of the database.
/// </summary>
[Handler(Lifetime = ComponentLifetime.Scoped)]
internal sealed class PlaceOrderHandler(ShopDb db, ICallerAccessor caller, TimeProvider clock) : IRequestHandler<PlaceOrder, OrderPlaced>
{
    public async ValueTask<OrderPlaced> Handle(PlaceOrder request, CancellationToken cancellationToken)
    {
        var skus = request.Lines.Select(line => line.Sku).Distinct().ToList();
        var prices = await db.Products.AsNoTracking()
            .Where(product => skus.Contains(product.Sku))
            .ToDictionaryAsync(product => product.Sku, product => product.Price, cancellationToken);

        var order = new Order
        {
            Customer = Customer.Of(caller),
            PlacedAt = clock.GetUtcNow(),
            Lines = request.Lines.Select(line => new OrderLine { Sku = line.Sku, Quantity = line.Quantity, UnitPrice = prices[line.Sku] }).ToList(),
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var line in request.Lines)
        {
            // One conditional UPDATE per line: two orders for the last unit cannot both take it.
            var taken = await db.Products
                .Where(product => product.Sku == line.Sku && product.Stock >= line.Quantity)
                .ExecuteUpdateAsync(setters => setters.SetProperty(product => product.Stock, product => product.Stock - line.Quantity), cancellationToken);
            if (taken == 0)
            {
                throw new OutOfStockException(line.Sku, line.Quantity);
            }
        }

        return new OrderPlaced(order.Id, order.Lines.Sum(line => line.UnitPrice * line.Quantity));
    }
}
