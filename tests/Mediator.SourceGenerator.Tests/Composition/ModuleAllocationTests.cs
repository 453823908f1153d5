using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// A host mediator resolved per operation (an endpoint's <c>ISender</c>) allocates no more to send or publish a module's
/// message than its own: the host calls the module's static entry points instead of creating the module's mediator.
/// Measured with <c>GC.GetAllocatedBytesForCurrentThread</c> around warmed-up, synchronously completing operations.
/// </summary>
public sealed class ModuleAllocationTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed class HostPing : IRequest<int> { }
        public sealed class ModulePing : IRequest<int> { }
        public sealed class HostEvent : INotification { }
        public sealed class ModuleEvent : INotification { }
        """;

    private const string Module = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class ModulePingHandler : IRequestHandler<ModulePing, int>
        {
            public ValueTask<int> Handle(ModulePing request, CancellationToken cancellationToken) => new(42);
        }
        [Handler] internal sealed class ModuleEventHandler : INotificationHandler<ModuleEvent>
        {
            public ValueTask Handle(ModuleEvent notification, CancellationToken cancellationToken) => default;
        }
        """;

    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace Host;
        [Handler] internal sealed class HostPingHandler : IRequestHandler<HostPing, int>
        {
            public ValueTask<int> Handle(HostPing request, CancellationToken cancellationToken) => new(41);
        }
        [Handler] internal sealed class HostEventHandler : INotificationHandler<HostEvent>
        {
            public ValueTask Handle(HostEvent notification, CancellationToken cancellationToken) => default;
        }
        public static class Program { public static void Main() { } }
        """;

    private const string Entry = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Mediator;
        using Domain;
        namespace App;
        public static class Entry
        {
            private const int Operations = 1000;

            public static Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                var hostPing = new HostPing();
                var modulePing = new ModulePing();
                var hostEvent = new HostEvent();
                var moduleEvent = new ModuleEvent();
                Func<long> send(IRequest<int> request) => () => Bytes(() => { if (provider.GetRequiredService<ISender>().Send(request).Result == 0) throw new Exception(); });
                Func<long> publish(INotification notification) => () => Bytes(() => provider.GetRequiredService<IPublisher>().Publish(notification).GetAwaiter().GetResult());
                var rows = new (string Name, Func<long> Measure)[]
                {
                    ("send host", send(hostPing)), ("send module", send(modulePing)),
                    ("publish host", publish(hostEvent)), ("publish module", publish(moduleEvent)),
                };
                foreach (var row in rows) row.Measure(); // warm-up: first-use caches, tiering
                return Task.FromResult(string.Join("|", Array.ConvertAll(rows, row => row.Name + " " + row.Measure())));
            }

            private static long Bytes(Action operation)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < Operations; i++) operation();
                return (GC.GetAllocatedBytesForCurrentThread() - before) / Operations;
            }
        }
        """;

    [Fact]
    public async Task A_host_mediator_resolved_per_operation_allocates_the_same_for_a_modules_message_as_for_its_own()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var host = set.GenerateApplication("Host", Host, Entry);
        Assert.Empty(host.GeneratorDiagnostics);

        var rows = (await CompiledApp.RunAsync(host, set.Images.ToArray())).Split('|').Select(r => r.Split(' ')).ToDictionary(r => r[0] + " " + r[1], r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(rows["send host"] > 0, "the measurement sees the host mediator resolved per operation");
        Assert.Equal(rows["send host"], rows["send module"]);
        Assert.Equal(rows["publish host"], rows["publish module"]);
    }
}
