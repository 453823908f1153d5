using System;
using System.Threading.Tasks;
using App.Events;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App
{
    public static class Entry
    {
        public static async Task<string> Run()
        {
            var services = new ServiceCollection();
            services.AddSingleton<Outbox>();
            services.AddMediator();
            using var provider = services.BuildServiceProvider();
            var mediator = provider.GetRequiredService<IMediator>();
            var publisher = provider.GetRequiredService<IPublisher>();
            var id = await mediator.Send(new RegisterUser("a@b.c"));
            await publisher.Publish(new UserRenamed(id, "Ann"));
            return string.Join(",", provider.GetRequiredService<Outbox>().Sent);
        }
    }
}
