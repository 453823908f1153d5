using Mediator;

namespace Ordering.Domain;

/// <summary>What shipping costs: answered by the carrier adapter in Ordering.Infrastructure.</summary>
public sealed record QuoteShipping(string Country, int Quantity) : IRequest<ShippingQuote>;

/// <summary>A carrier's price.</summary>
public sealed record ShippingQuote(string Carrier, decimal Price);

/// <summary>The pick lists the warehouse has been sent, oldest first (Ordering.Infrastructure).</summary>
public sealed record GetWarehouseNotices : IRequest<WarehouseNotices>;

/// <summary>Pick lists sent to the warehouse.</summary>
public sealed record WarehouseNotices(IReadOnlyList<string> Notices);
