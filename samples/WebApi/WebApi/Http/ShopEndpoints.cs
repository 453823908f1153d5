using Mediator;
using WebApi.Catalog;
using WebApi.Orders;
using WebApi.Shipping;

namespace WebApi.Http;

/// <summary>
/// The API: each endpoint binds its message and sends it through <see cref="ISender"/> (from the request's services,
/// so scoped validators, handlers and the transaction share the request's <c>ShopDb</c>). No try/catch: a refused or
/// failed message throws, and the exception handlers answer with problem details.
/// </summary>
public static class ShopEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">The app's routes.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    public static IEndpointRouteBuilder MapShopEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/catalog", (ISender sender, CancellationToken cancellationToken) => sender.Send(new GetCatalog(), cancellationToken));

        app.MapPost("/products", async (AddProduct product, ISender sender, CancellationToken cancellationToken) =>
            TypedResults.Created("/catalog", await sender.Send(product, cancellationToken)));

        app.MapPost("/orders", async (PlaceOrder order, ISender sender, CancellationToken cancellationToken) =>
            TypedResults.Created("/orders/mine", await sender.Send(order, cancellationToken)));

        app.MapGet("/orders/mine", (ISender sender, CancellationToken cancellationToken) => sender.Send(new GetMyOrders(), cancellationToken));

        app.MapGet("/shipping/quote", (string country, int items, ISender sender, CancellationToken cancellationToken) =>
            sender.Send(new QuoteShipping(country, items), cancellationToken));

        return app;
    }
}
