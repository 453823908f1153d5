using FluentValidation;
using Mediator;
using Mediator.Resilience;

namespace WebApi.Shipping;

/// <summary>
/// What shipping costs, asked of the carrier: a call out of the process, so it gets a deadline (504 after two seconds)
/// and a circuit breaker (after three failures in a row the carrier is left alone for thirty seconds: 503 with
/// <c>Retry-After</c>, without calling it).
/// </summary>
[Timeout(Milliseconds = 2_000)]
[CircuitBreaker(FailureThreshold = 3, BreakDurationSeconds = 30)]
public sealed record QuoteShipping(string Country, int Items) : IRequest<ShippingQuote>;

/// <summary>A carrier's price.</summary>
public sealed record ShippingQuote(string Carrier, decimal Price);

/// <summary>Synchronous FluentValidation rules only: this validator needs no database.</summary>
public sealed class QuoteShippingRules : AbstractValidator<QuoteShipping>
{
    /// <summary>Creates the rules.</summary>
    public QuoteShippingRules()
    {
        RuleFor(quote => quote.Country).Matches("^[A-Z]{2}$").WithMessage("Use an ISO 3166 country code, such as NL.");
        RuleFor(quote => quote.Items).InclusiveBetween(1, 100);
    }
}

[Handler]
internal sealed class QuoteShippingHandler(ICarrierRates carrier) : IRequestHandler<QuoteShipping, ShippingQuote>
{
    public ValueTask<ShippingQuote> Handle(QuoteShipping request, CancellationToken cancellationToken)
        => carrier.QuoteAsync(request.Country, request.Items, cancellationToken);
}
