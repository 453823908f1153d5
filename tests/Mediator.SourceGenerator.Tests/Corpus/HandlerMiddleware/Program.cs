using System.Threading.Tasks;
using App.Payments;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Journal>();
        services.AddMediator();
        using var provider = services.BuildServiceProvider();
        var sender = provider.GetRequiredService<ISender>();
        var receipt = await sender.Send(new Charge("4242", 1250));
        await sender.Send(new Refund(receipt));
        return receipt + ";" + string.Join(",", provider.GetRequiredService<Journal>().Lines);
    }
}
