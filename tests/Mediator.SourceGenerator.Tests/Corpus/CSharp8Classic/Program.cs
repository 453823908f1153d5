using System.Collections.Generic;
using System.Threading.Tasks;
using App.Greetings;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App
{
    public static class Entry
    {
        public static async Task<string> Run()
        {
            var services = new ServiceCollection();
            services.AddSingleton<Journal>();
            services.AddMediator();
            using (var provider = services.BuildServiceProvider())
            {
                var mediator = provider.GetRequiredService<IMediator>();
                var greeting = await mediator.Send(new Greet { Name = "Ada" });
                await mediator.Send(new Tick());
                var items = new List<int>();
                await foreach (var item in mediator.CreateStream(new Countdown { From = 3 }))
                {
                    items.Add(item);
                }

                return greeting + ";" + string.Join(",", items) + ";" + provider.GetRequiredService<Journal>().Read();
            }
        }
    }
}
