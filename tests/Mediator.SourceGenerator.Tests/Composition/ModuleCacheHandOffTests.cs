using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// How a host hands a module its pipeline cache (module contract version 4): the host's cache resolves each module's when
/// it is built and keeps it in a readonly field of the module's cache type, and the module's entry points take that type
/// (no lazy field, no cast from <c>object</c> on a typed <c>Send</c> across modules). A module that is not registered
/// fails with a message naming it and the call to make; a module of contract version 3 is MED0042.
/// </summary>
public sealed class ModuleCacheHandOffTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record Ping(int Value) : IRequest<int>;
        """;

    private const string Module = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(request.Value + 1);
        }
        """;

    [Fact]
    public void The_host_keeps_the_module_cache_typed_and_the_entry_point_takes_that_type()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.Generate("Host", "namespace Host; public static class Nothing { }");

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Empty(host.CompilationErrors);
        var moduleCache = host.Output.GetTypeByMetadataName("ModuleA.Mediator+PipelineCache")!;
        Assert.Equal(Accessibility.Public, moduleCache.DeclaredAccessibility);
        Assert.Contains(moduleCache.GetAttributes(), a => a.AttributeClass?.Name == "EditorBrowsableAttribute");
        // Public only so that a host can name it: nothing on it is callable from another assembly.
        Assert.DoesNotContain(moduleCache.GetMembers(), m => m.DeclaredAccessibility == Accessibility.Public);

        var send = host.Output.GetTypeByMetadataName("ModuleA.Mediator")!.GetMembers("ComposedSend").OfType<IMethodSymbol>().Single();
        Assert.True(SymbolEqualityComparer.Default.Equals(moduleCache, send.Parameters[1].Type), send.ToDisplayString());

        var kept = host.Output.GetTypeByMetadataName("Host.Mediator+PipelineCache")!.GetMembers("ComposedModulePipelines0").OfType<IFieldSymbol>().Single();
        Assert.True(kept.IsReadOnly);
        Assert.True(SymbolEqualityComparer.Default.Equals(moduleCache, kept.Type), kept.Type.ToDisplayString());
    }

    [Fact]
    public async Task A_module_missing_from_the_container_fails_when_the_host_mediator_is_resolved_naming_it_and_the_call()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.Generate("Host", """
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var registered = new ServiceCollection().AddMediator();
                    using (var provider = registered.BuildServiceProvider())
                    {
                        if (await provider.GetRequiredService<ISender>().Send(new Domain.Ping(41)) != 42) return "wrong answer";
                    }

                    // The module's cache taken out, as if its RegisterModule had not run in this container.
                    var services = new ServiceCollection().AddMediator();
                    services.Remove(services.Single(d => d.ServiceType == typeof(global::ModuleA.Mediator.PipelineCache)));
                    using var broken = services.BuildServiceProvider();
                    try
                    {
                        broken.GetRequiredService<ISender>();
                        return "resolved";
                    }
                    catch (InvalidOperationException exception)
                    {
                        return exception.Message;
                    }
                }
            }
            """);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Equal(
            "The mediator of module 'ModuleA' is not registered: call services.AddMediator() of this project, which registers the modules it references.",
            await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }

    [Fact]
    public void A_module_of_contract_version_3_is_MED0042_naming_both_versions()
    {
        // What a module built by the generator before this contract declared: the descriptor with version 3 and its
        // mediator's entry points taking the cache as an object, which this host could not pass.
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Plain("OldModule", """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            [assembly: global::Mediator.Internal.MediatorModule(typeof(OldModule.Mediator), 3)]
            namespace OldModule;
            public sealed record OldPing : global::Mediator.IRequest<int>;
            public sealed class Mediator
            {
                public static object ComposedPipelines(IServiceProvider services) => new object();
                public static ValueTask<int> ComposedSend(IServiceProvider services, object pipelines, global::Domain.Ping request, CancellationToken cancellationToken) => new(0);
            }
            """);
        var host = set.Generate("Host", "namespace Host; public static class Nothing { }");

        var error = Assert.Single(host.GeneratorDiagnostics);
        Assert.Equal("MED0042", error.Id);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("OldModule", error.GetMessage());
        Assert.Contains("module contract version 3 (this one writes version 4)", error.GetMessage());
    }
}
