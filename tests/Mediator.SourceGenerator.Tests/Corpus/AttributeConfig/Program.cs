using System.Threading.Tasks;
using App.Reports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App;

public static class Entry
{
    public static async Task<string> Run()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Usage>();
        services.AddMediator();
        using var provider = services.BuildServiceProvider();
        var mediator = provider.GetRequiredService<IMediator>();
        var report = await mediator.Send(new RenderReport("q3"));
        var csv = await mediator.Send(new ExportCsv("q4"));
        return report + "," + csv + ";" + string.Join(",", provider.GetRequiredService<Usage>().Lines);
    }
}
