#nullable enable
using System.Threading.Tasks;
using App.Features;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace App
{
    public static class Entry
    {
        public static async Task<string> Run()
        {
            var services = new ServiceCollection();
            services.AddSingleton<Trace>();
            services.AddMediator();
            using var provider = services.BuildServiceProvider();
            var mediator = provider.GetRequiredService<IMediator>();
            var plain = await mediator.Send(new Compute { Input = 2 });
#if FEATURE_AUDIT
            var audited = await mediator.Send(new AuditedCompute { Input = 2 });
#else
            var audited = -1;
#endif
#nullable disable
            string separator = null;
#nullable restore
            return plain + "," + audited + (separator ?? ";") + string.Join(",", provider.GetRequiredService<Trace>().Steps);
        }
    }
}
