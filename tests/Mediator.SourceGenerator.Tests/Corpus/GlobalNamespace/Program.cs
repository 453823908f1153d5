using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace App
{
    public static class Entry
    {
        public static async Task<string> Run()
        {
            var services = new ServiceCollection();
            services.AddSingleton<Names>();
            services.AddMediator();
            using var provider = services.BuildServiceProvider();
            using var scope = provider.CreateScope();
            var mediator = scope.ServiceProvider.GetRequiredService<global::Mediator.IMediator>();
            await mediator.Send(new Commands.Rename { To = "al" });
            var names = await mediator.Send(new ListNames());
            var pair = await mediator.Send(new Commands.MakePair());
            return string.Join(",", names) + ";" + pair.Left + ":" + pair.Right["k"][1];
        }
    }
}
