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
            var id = Guid.NewGuid();
            await mediator.Publish(new UserRegistered(id, "a@b.c"));
            await mediator.Publish(new UserRenamed(id, "Ann"));
            return string.Join(",", provider.GetRequiredService<Outbox>().Sent);
        }
    }
}
