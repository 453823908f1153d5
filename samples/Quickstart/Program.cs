using Microsoft.Extensions.DependencyInjection;
using Quickstart;

// AddMediator() is generated for this project: it registers every handler, middleware and pipeline by name.
await using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();

// The generated concrete mediator has one typed Send overload per request: the zero-overhead path.
var mediator = provider.GetRequiredService<Quickstart.Mediator>();

Console.WriteLine("Send(Greet): timing only, Greet is not IAudited");
Console.WriteLine("  => " + await mediator.Send(new Greet("Ada")));

Console.WriteLine("Send(PlaceOrder): timing, audit, quantity check");
var id = await mediator.Send(new PlaceOrder("coffee", 2));
Console.WriteLine($"  => order {id.Value}");

Console.WriteLine("Send(CancelOrder): a void request, timing and audit");
await mediator.Send(new CancelOrder(id));

Console.WriteLine("Send(PlaceOrder) with quantity 0: the check short-circuits with an exception");
try
{
    await mediator.Send(new PlaceOrder("tea", 0));
}
catch (ArgumentOutOfRangeException e)
{
    Console.WriteLine("  => " + e.GetType().Name + ": " + e.Message.Split('\n')[0]);
}

// Through the interface: the same pipelines, chosen by the request's runtime type.
Mediator.IMediator sender = mediator;
Console.WriteLine("IMediator.Send<string>(Greet)");
Console.WriteLine("  => " + await sender.Send(new Greet("Grace")));

Console.WriteLine("Publish(OrderPlaced): publish-side log once, then both handlers");
await mediator.Publish(new OrderPlaced(id, "coffee"));

Console.WriteLine("Publish(OrderPlaced) for a gift card: the stock handler drops it, which is not an error");
await mediator.Publish(new OrderPlaced(new OrderId(99), "gift card"));

Console.WriteLine("CreateStream(RecentOrders)");
await foreach (var line in mediator.CreateStream(new RecentOrders(2)))
{
    Console.WriteLine("  => " + line);
}
