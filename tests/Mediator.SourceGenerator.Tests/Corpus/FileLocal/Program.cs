using System.Threading.Tasks;
using App.Pricing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

file static class Format
{
    public static string Line(params Price[] prices) => string.Join(" ", prices);
}

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddMediator();
        using var provider = services.BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();
        return Format.Line(
            await mediator.Send(new Quote("tea", 2)),
            await mediator.Send(new Quote("CAKE", 10)),
            await mediator.Send(new Quote("coffee", 1)));
    }
}
