using Mediator;

namespace Ordering.Domain;

/// <summary>A request that changes orders: Application's unit of work saves them (and publishes their events) after its handler.</summary>
public interface ICommand;

/// <summary>Places an order; answered with what was placed. Handled in Ordering.Application.</summary>
public sealed record PlaceOrder(string Product, int Quantity) : IRequest<OrderConfirmation>, ICommand;

/// <summary>What <see cref="PlaceOrder"/> answers.</summary>
public sealed record OrderConfirmation(int OrderId, string Product, int Quantity);

/// <summary>The domain event of a saved order: published by Ordering.Infrastructure when it saves, handled in two projects.</summary>
public sealed record OrderPlaced(int OrderId, string Product, int Quantity) : INotification;

/// <summary>Units sold per product, as the sales handler of Ordering.Application has counted them.</summary>
public sealed record GetSalesReport : IRequest<SalesReport>;

/// <summary>One line per product, by product name.</summary>
public sealed record SalesReport(IReadOnlyList<ProductSales> Lines);

/// <summary>Units of one product sold.</summary>
public sealed record ProductSales(string Product, int Quantity);
