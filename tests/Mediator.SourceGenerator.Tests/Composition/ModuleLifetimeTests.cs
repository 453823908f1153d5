using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// A module's <c>RegisterModule</c> registers what its own <c>AddMediator()</c> would, lifetimes included: a scoped
/// handler of a module, reached through the host's mediator, is one instance per scope, and a scope is required.
/// </summary>
public sealed class ModuleLifetimeTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record WhoAmI : IRequest<int>;
        """;

    private const string Module = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler(Lifetime = ComponentLifetime.Scoped)]
        internal sealed class WhoAmIHandler : IRequestHandler<WhoAmI, int>
        {
            private static int s_created;
            private readonly int _id = Interlocked.Increment(ref s_created);
            public ValueTask<int> Handle(WhoAmI request, CancellationToken cancellationToken) => new(_id);
        }
        """;

    private const string Host = """
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
                var ids = new System.Collections.Generic.List<int>();
                foreach (var _ in new[] { 1, 2 })
                {
                    using var scope = provider.CreateScope();
                    var sender = scope.ServiceProvider.GetRequiredService<ISender>();
                    ids.Add(await sender.Send(new Domain.WhoAmI()));
                    ids.Add(await sender.Send(new Domain.WhoAmI()));
                }

                string root;
                try { await provider.GetRequiredService<ISender>().Send(new Domain.WhoAmI()); root = "root ran"; }
                catch (ScopeRequiredException) { root = "scope required"; }
                return string.Join(",", ids) + "," + root;
            }
        }
        """;

    [Fact]
    public async Task A_scoped_handler_in_a_module_is_one_instance_per_scope_through_the_host()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.Generate("Host", Host);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Equal("1,1,2,2,scope required", await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }
}
