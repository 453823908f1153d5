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

                var length = await mediator.Send(new Measure { Text = "four" });
                var unknown = await mediator.Send(new Measure());
                var split = await mediator.Send(new Split { Text = "key value" });
                var letters = new List<string>();
                await foreach (var letter in mediator.CreateStream(new Letters { Text = "ab" }))
                {
                    letters.Add(letter.Index + ":" + letter.Letter);
                }

                return greeting + ";" + string.Join(",", items) + ";" + length + "/" + (unknown.HasValue ? "?" : "null") + ";" + split.Item1 + "," + split.Item2
                    + ";" + string.Join(",", letters) + ";" + provider.GetRequiredService<Journal>().Read();
            }
        }
    }
}
