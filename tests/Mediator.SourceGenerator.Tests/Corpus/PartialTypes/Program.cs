using Microsoft.Extensions.DependencyInjection;
using Inv = App.Inventory;
using static System.String;

namespace App
{
    public static partial class Entry
    {
        public static async Task<string> Run()
        {
            var services = new ServiceCollection();
            services.AddMediator();
            using var provider = services.BuildServiceProvider();
            var sender = provider.GetRequiredService<ISender>();
            await sender.Send(new Inv.Restock { Item = "bolt", Count = 5 });
            var after = await sender.Send(new Inv.Restock { Item = "bolt", Count = 2 });
            var counted = await Count(sender, "bolt");
            var none = await Count(sender, "nut");
            return Join(",", after, counted, none);
        }
    }

    public static partial class Entry
    {
        private static ValueTask<int> Count(ISender sender, string item) => sender.Send(new Inv.CountStock(item));
    }
}
