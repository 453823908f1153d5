namespace WebApi.Shipping;

/// <summary>The carrier's rates service (an HTTP API in a real shop).</summary>
public interface ICarrierRates
{
    /// <summary>The price of sending <paramref name="items"/> items to <paramref name="country"/>.</summary>
    /// <exception cref="CarrierUnavailableException">The carrier did not answer.</exception>
    ValueTask<ShippingQuote> QuoteAsync(string country, int items, CancellationToken cancellationToken);
}

/// <summary>The carrier did not answer; the app answers 502 (<see cref="Http.ShopExceptionHandler"/>).</summary>
public sealed class CarrierUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
