using System;
using System.Globalization;
using System.Threading.Tasks;
using App.Orders;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddSingleton<OrderStore>();
        services.AddMediator();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var placed = await mediator.Send(new PlaceOrder(Guid.Empty, new[] { new OrderLine("a", 2, 1.5m), new OrderLine("b", 1, 4m) }));
        var found = await mediator.Send(new GetOrder(placed.Number));
        var archived = await mediator.Send(new GetArchivedOrder(placed.Number));
        var open = await mediator.Send(new CountOpenOrders(Guid.Empty));
        var stranger = await mediator.Send(new CountOpenOrders(Guid.NewGuid()));
        var totals = await mediator.Send(new GetTotals(placed.Number));
        var lines = await mediator.Send(new GetLines(placed.Number));
        await mediator.Send(new CancelOrder(placed.Number, "changed mind"));
        var gone = await mediator.Send(new GetOrder(placed.Number));
        var noTotals = await mediator.Send(new GetTotals(placed.Number));
        return string.Join(
            " ",
            placed.Number,
            placed.Total.ToString(CultureInfo.InvariantCulture),
            found.Found,
            archived.Found,
            gone.Found,
            open?.ToString(CultureInfo.InvariantCulture) ?? "null",
            stranger?.ToString(CultureInfo.InvariantCulture) ?? "null",
            totals is { } t ? t.Number + "=" + t.Total.ToString(CultureInfo.InvariantCulture) : "none",
            noTotals.HasValue,
            string.Join("+", Array.ConvertAll(lines, l => l.Sku + "x" + l.Quantity)));
    }
}
