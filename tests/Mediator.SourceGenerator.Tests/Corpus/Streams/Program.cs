using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using App.Feeds;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Counter>();
        services.AddMediator();
        using var provider = services.BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();
        var values = new List<string>();
        await foreach (var reading in mediator.CreateStream(new ReadSensor("t1", 5)))
        {
            values.Add(reading.Value.ToString(CultureInfo.InvariantCulture));
        }

        await foreach (var line in mediator.CreateStream(new Tail { Lines = new[] { "a", "b", "c" } }))
        {
            values.Add(line);
        }

        return string.Join(",", values) + ";" + provider.GetRequiredService<Counter>().Count;
    }
}
