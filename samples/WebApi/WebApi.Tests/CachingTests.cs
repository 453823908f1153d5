namespace WebApi.Tests;

/// <summary>GET /orders/mine: a cached query whose message does not say whose orders it asks for.</summary>
public sealed class CachingTests
{
    [Fact]
    public async Task My_orders_are_cached_per_caller_and_never_handed_to_another_caller()
    {
        using var app = new ShopApp();
        var ann = app.ClientAs("ann");
        var bob = app.ClientAs("bob");
        var annOrder = await ann.PlaceAsync(("coffee", 1));
        var bobOrder = await bob.PlaceAsync(("tea", 3));

        var annFirst = await ann.MyOrdersAsync(); // cached for ann...
        var bobFirst = await bob.MyOrdersAsync(); // ...so a cache keyed by the message alone would answer bob with ann's orders

        Assert.Equal(annOrder.OrderId, Assert.Single(annFirst.Orders).OrderId);
        Assert.Equal(bobOrder.OrderId, Assert.Single(bobFirst.Orders).OrderId);
        Assert.Equal(("tea", 3), bobFirst.Orders[0].Lines.Select(line => (line.Sku, line.Quantity)).Single());

        // The answers are cached: ann's next order shows only once her entry expires; bob keeps getting his own.
        var annSecond = await ann.PlaceAsync(("mug", 1));
        Assert.Equal(annOrder.OrderId, Assert.Single((await ann.MyOrdersAsync()).Orders).OrderId);
        Assert.Equal(bobOrder.OrderId, Assert.Single((await bob.MyOrdersAsync()).Orders).OrderId);

        app.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal([annOrder.OrderId, annSecond.OrderId], (await ann.MyOrdersAsync()).Orders.Select(order => order.OrderId));
        Assert.Equal(bobOrder.OrderId, Assert.Single((await bob.MyOrdersAsync()).Orders).OrderId);
    }
}
