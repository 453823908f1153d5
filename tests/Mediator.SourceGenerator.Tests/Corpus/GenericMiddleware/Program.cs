using System.Threading.Tasks;
using App.Catalog;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Calls>();
        services.AddMediator();
        using var provider = services.BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();
        var byKey = await mediator.Send(new FindProduct(7));
        var byCode = await mediator.Send(new FindByCode("x1"));
        var count = await mediator.Send(new CountProducts());
        var lookup = await mediator.Send(new Lookup<(string Code, int Shop)>(("x2", 3)));
        return byKey.Name + "," + byCode.Name + "," + count + "," + lookup.Found + ":" + string.Join("|", lookup.Names) + ";" + string.Join(",", provider.GetRequiredService<Calls>().Lines);
    }
}
