using Mediator;
using Ordering.Application;
using Ordering.Domain;

var builder = WebApplication.CreateBuilder(args);

// Generated in this project: registers Application's and Infrastructure's handlers, middleware and pipelines (each
// module's RegisterModule), and maps IMediator, ISender and IPublisher to this project's mediator, which reaches them all.
builder.Services.AddMediator();
builder.Services.AddOrderingApplication();
builder.Services.AddOrderingInfrastructure();

var app = builder.Build();

// Each endpoint takes ISender from the request's scope, so scoped handlers and middleware get that request's store.
app.MapPost("/orders", async (PlaceOrder order, ISender sender, CancellationToken cancellationToken) =>
{
    try
    {
        var confirmation = await sender.Send(order, cancellationToken);
        return Results.Created($"/orders/{confirmation.OrderId}", confirmation);
    }
    catch (OrderRejectedException rejected)
    {
        return Results.BadRequest(new { error = rejected.Message });
    }
});

app.MapGet("/sales", async (ISender sender, CancellationToken cancellationToken)
    => await sender.Send(new GetSalesReport(), cancellationToken));

app.MapGet("/shipping/quote", async (string country, int quantity, ISender sender, CancellationToken cancellationToken)
    => await sender.Send(new QuoteShipping(country, quantity), cancellationToken));

app.MapGet("/warehouse/notices", async (ISender sender, CancellationToken cancellationToken)
    => await sender.Send(new GetWarehouseNotices(), cancellationToken));

app.Run();
