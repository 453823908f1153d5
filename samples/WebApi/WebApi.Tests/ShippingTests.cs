using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WebApi.Shipping;

namespace WebApi.Tests;

/// <summary>GET /shipping/quote: a call out of the process, behind the timeout and the circuit breaker.</summary>
public sealed class ShippingTests
{
    [Fact]
    public async Task A_quote_comes_from_the_carrier()
    {
        using var app = new ShopApp();

        var quote = await app.ClientAs(null).GetFromJsonAsync<ShippingQuote>("/shipping/quote?country=NL&items=3");

        Assert.Equal(new ShippingQuote("PostNL", 6.00m), quote);
    }

    [Fact]
    public async Task An_invalid_quote_request_is_400_with_its_errors()
    {
        using var app = new ShopApp();

        var problem = await Problem.Read(await app.ClientAs(null).GetAsync("/shipping/quote?country=nl&items=0"));

        problem.AssertProblem(400, "One or more validation errors occurred.");
        Assert.Equal(["Country", "Items"], problem.ErrorMembers());
    }

    [Fact]
    public async Task A_failing_carrier_is_502_until_the_circuit_opens_then_503_with_Retry_After_without_calling_it()
    {
        var carrier = new FailingCarrier();
        using var app = new ShopApp(services => services.AddSingleton<ICarrierRates>(carrier));
        var client = app.ClientAs("ann");
        for (var i = 0; i < 3; i++)
        {
            (await Problem.Read(await client.GetAsync("/shipping/quote?country=NL&items=1"))).AssertProblem(502, "Bad Gateway");
        }

        var problem = await Problem.Read(await client.GetAsync("/shipping/quote?country=NL&items=1"));

        problem.AssertProblem(503, "Service Unavailable");
        Assert.Equal("30", problem.RetryAfter);
        Assert.Equal(3, carrier.Calls);
    }

    [Fact]
    public async Task A_carrier_that_does_not_answer_in_time_is_504()
    {
        var carrier = new SilentCarrier();
        using var app = new ShopApp(services => services.AddSingleton<ICarrierRates>(carrier));
        var pending = app.ClientAs("ann").GetAsync("/shipping/quote?country=NL&items=1");
        await carrier.Entered.Task;

        app.Time.Advance(TimeSpan.FromSeconds(3)); // past the message's two-second deadline

        (await Problem.Read(await pending)).AssertProblem(504, "Gateway Timeout");
    }

    private sealed class FailingCarrier : ICarrierRates
    {
        private int _calls;

        public int Calls => _calls;

        public ValueTask<ShippingQuote> QuoteAsync(string country, int items, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new CarrierUnavailableException("The carrier's API answered 503.");
        }
    }

    private sealed class SilentCarrier : ICarrierRates
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<ShippingQuote> QuoteAsync(string country, int items, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new UnreachableException();
        }
    }
}
