using System;
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
#pragma warning disable CS0618 // the old clients' path, until they move to Charge
        var legacy = await RunLegacy(sender);
#pragma warning restore CS0618
#pragma warning disable PAY001 // split charges are in preview
        var parts = await sender.Send(new SplitCharge("5555", new long[] { 100, 50 }));
#pragma warning restore PAY001
        return receipt + ";" + legacy + ";" + string.Join("|", parts) + ";" + string.Join(",", provider.GetRequiredService<Journal>().Lines);
    }

    /// <summary>Obsolete itself, so it may name what was removed (error: true) and what is only obsolete.</summary>
    [Obsolete("Old clients only")]
    private static async Task<string> RunLegacy(ISender sender)
    {
        var legacy = await sender.Send(new LegacyCharge("4000", 99));
        await sender.Send(new VoidCharge(legacy));
        return legacy;
    }
}
