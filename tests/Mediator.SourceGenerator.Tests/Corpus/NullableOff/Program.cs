using System.Threading.Tasks;
using App.Accounts;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Ledger>();
        services.AddMediator();
        using var provider = services.BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();
        await mediator.Publish(new AccountOpened { Account = "a1", Deposit = 10 });
        await mediator.Publish(new AccountClosed { Account = "a2" });
        AccountEvent general = new AccountOpened { Account = "a3" };
        await mediator.Publish(general);
        var balance = await mediator.Send(new Balance { Account = "a1" });
        return balance + ";" + provider.GetRequiredService<Ledger>().Read();
    }
}
