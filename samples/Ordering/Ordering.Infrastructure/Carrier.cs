using Mediator;
using Ordering.Domain;

namespace Ordering.Infrastructure;

/// <summary>The carrier adapter: a rate table here, an HTTP call to the carrier in a real application.</summary>
[Handler]
internal sealed class QuoteShippingHandler : IRequestHandler<QuoteShipping, ShippingQuote>
{
    public ValueTask<ShippingQuote> Handle(QuoteShipping request, CancellationToken cancellationToken)
    {
        var domestic = string.Equals(request.Country, "NL", StringComparison.OrdinalIgnoreCase);
        var price = (domestic ? 4.50m : 12.00m) + (0.75m * Math.Max(0, request.Quantity - 1));
        return new(new ShippingQuote(domestic ? "PostNL" : "DHL", price));
    }
}
