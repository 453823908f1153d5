namespace WebApi.Shipping;

/// <summary>The sample's carrier: a rate table in the process, where a real shop would call the carrier's API.</summary>
public sealed class RateTableCarrier : ICarrierRates
{
    /// <inheritdoc />
    public ValueTask<ShippingQuote> QuoteAsync(string country, int items, CancellationToken cancellationToken)
    {
        var domestic = country == "NL";
        var price = (domestic ? 4.50m : 12.00m) + (0.75m * (items - 1));
        return new(new ShippingQuote(domestic ? "PostNL" : "DHL", price));
    }
}
