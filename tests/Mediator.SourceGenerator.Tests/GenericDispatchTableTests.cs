using System.Text;
using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The generic <c>Send</c>, <c>Publish</c> and <c>CreateStream</c> find the pipeline by a chain of type tests up to
/// <see cref="TypeSwitch.ChainLimit"/> message types of a kind, and by a TypeIndex and a switch above it. One scenario
/// (subclasses, a struct, a request with two answers, a scoped handler, void requests, notifications nobody handles,
/// types from another assembly) is compiled both ways and must behave the same.
/// </summary>
public sealed class GenericDispatchTableTests
{
    // C# 8 throughout: the generated code must compile there, and the scenario is compiled at C# 8 below.
    private const string Scenario = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App
        {
            public sealed class Ping : IRequest<int> { }
            public struct Measure : IRequest<int> { public int Value; }
            public class Query : IRequest<string> { }
            public class DeepQuery : Query { }
            public sealed class DeeperQuery : DeepQuery { }
            public sealed class OtherQuery : Query { }
            public sealed class Both : IRequest<int>, IRequest<string> { }
            public sealed class ScopedPing : IRequest<int> { }
            public class Command : IRequest { }
            public sealed class SubCommand : Command { }
            public struct Tick : INotification { public int Number; }
            public class Alert : INotification { }
            public sealed class FireAlert : Alert { }
            public class Letters : IStreamRequest<char> { }
            public sealed class MoreLetters : Letters { }
            public struct Count : IStreamRequest<int> { public int To; }

            public sealed class Log { public readonly List<string> Lines = new List<string>(); }

            [Handler]
            public sealed class Handlers : IRequestHandler<Ping, int>, IRequestHandler<Measure, int>, IRequestHandler<Query, string>,
                IRequestHandler<DeepQuery, string>, IRequestHandler<Both, int>, IRequestHandler<Both, string>, IRequestHandler<Command>
            {
                private readonly Log _log;
                public Handlers(Log log) { _log = log; }
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new ValueTask<int>(1);
                public ValueTask<int> Handle(Measure request, CancellationToken cancellationToken) => new ValueTask<int>(request.Value * 10);
                public ValueTask<string> Handle(Query request, CancellationToken cancellationToken) => new ValueTask<string>("query " + request.GetType().Name);
                public ValueTask<string> Handle(DeepQuery request, CancellationToken cancellationToken) => new ValueTask<string>("deep " + request.GetType().Name);
                ValueTask<int> IRequestHandler<Both, int>.Handle(Both request, CancellationToken cancellationToken) => new ValueTask<int>(2);
                ValueTask<string> IRequestHandler<Both, string>.Handle(Both request, CancellationToken cancellationToken) => new ValueTask<string>("two");
                public ValueTask Handle(Command request, CancellationToken cancellationToken) { _log.Lines.Add("command " + request.GetType().Name); return default; }
            }

            [Handler(Lifetime = ComponentLifetime.Scoped)]
            public sealed class ScopedHandler : IRequestHandler<ScopedPing, int>
            {
                public ValueTask<int> Handle(ScopedPing request, CancellationToken cancellationToken) => new ValueTask<int>(3);
            }

            [Handler]
            public sealed class Listeners : INotificationHandler<Tick>, INotificationHandler<Alert>
            {
                private readonly Log _log;
                public Listeners(Log log) { _log = log; }
                public ValueTask Handle(Tick notification, CancellationToken cancellationToken) { _log.Lines.Add("tick " + notification.Number); return default; }
                public ValueTask Handle(Alert notification, CancellationToken cancellationToken) { _log.Lines.Add("alert " + notification.GetType().Name); return default; }
            }

            [Handler]
            public sealed class Streams : IStreamRequestHandler<Letters, char>, IStreamRequestHandler<Count, int>
            {
                public async IAsyncEnumerable<char> Handle(Letters request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    yield return request is MoreLetters ? 'x' : 'a';
                    await Task.CompletedTask;
                }

                public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (var i = 1; i <= request.To; i++) yield return i;
                    await Task.CompletedTask;
                }
            }

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Log>();
                    services.AddMediator();
                    using (var provider = services.BuildServiceProvider())
                    using (var scope = provider.CreateScope())
                    {
                        var log = provider.GetRequiredService<Log>();
                        IMediator mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
                        var seen = new List<string>();
                        seen.Add((await mediator.Send(new Ping())).ToString());
                        seen.Add((await mediator.Send(new Measure { Value = 4 })).ToString());
                        seen.Add(await mediator.Send(new Query()));
                        seen.Add(await mediator.Send(new DeepQuery()));
                        seen.Add(await mediator.Send(new DeeperQuery()));
                        seen.Add(await mediator.Send(new OtherQuery()));
                        seen.Add((await mediator.Send<int>(new Both())).ToString());
                        seen.Add(await mediator.Send<string>(new Both()));
                        seen.Add((await mediator.Send(new ScopedPing())).ToString());
                        await mediator.Send(new Command());
                        await mediator.Send(new SubCommand());
                        await mediator.Send<Unit>(new SubCommand());
                        await mediator.Publish(new Tick { Number = 1 });
                        await mediator.Publish<INotification>(new Tick { Number = 2 });
                        await mediator.Publish(new FireAlert());
                        await mediator.Publish(new Lib.ForeignNote());
                        await foreach (var letter in mediator.CreateStream(new MoreLetters())) seen.Add(letter.ToString());
                        await foreach (var number in mediator.CreateStream(new Count { To = 2 })) seen.Add(number.ToString());
                        // Typed as interfaces: the run-time path for a type nobody handles (a concrete static type would be MED0046 here).
                        try { await mediator.Send((IRequest<int>)new Lib.ForeignRequest()); }
                        catch (HandlerNotFoundException e) { seen.Add("no handler for " + e.MessageType.Name); }
                        try { await mediator.Send((IRequest)new Lib.ForeignCommand()); }
                        catch (HandlerNotFoundException e) { seen.Add("no handler for " + e.MessageType.Name); }
                        try { mediator.CreateStream((IStreamRequest<int>)new Lib.ForeignStream()); }
                        catch (HandlerNotFoundException e) { seen.Add("no handler for " + e.MessageType.Name); }
                        try { await mediator.Send((IRequest<int>)null!); }
                        catch (ArgumentNullException) { seen.Add("null rejected"); }
                        seen.AddRange(log.Lines);
                        return string.Join(",", seen);
                    }
                }
            }
        }
        """;

    private const string Expected = "1,40,query Query,deep DeepQuery,deep DeeperQuery,query OtherQuery,2,two,3,x,1,2,"
        + "no handler for ForeignRequest,no handler for ForeignCommand,no handler for ForeignStream,null rejected,"
        + "command Command,command SubCommand,command SubCommand,tick 1,tick 2,alert FireAlert";

    /// <summary>Message types the generator of the app cannot see: HandlerNotFoundException, or nothing for a notification.</summary>
    private static readonly Lazy<(byte[] Image, MetadataReference Reference)> Foreign = new(() => CompiledApp.Library("ForeignLib", """
        using Mediator;
        namespace Lib
        {
            public sealed class ForeignRequest : IRequest<int> { }
            public sealed class ForeignCommand : IRequest { }
            public sealed class ForeignStream : IStreamRequest<int> { }
            public sealed class ForeignNote : INotification { }
        }
        """));

    /// <summary>Enough more requests, void requests, notifications and stream requests to take every kind above the chain limit.</summary>
    private static string Fillers(int count) => Sources.Numbered("App.Fillers", "Filler", count);

    private static GeneratorRun Run(int fillers) => GeneratorRun.For(new[] { Scenario, Fillers(fillers) }, new[] { Foreign.Value.Reference });

    private static string Source(GeneratorRun run, string hintName) => run.GeneratedSources.Single(s => s.HintName == hintName).Text;

    [Fact]
    public void The_scenario_has_few_enough_types_of_each_kind_for_the_chain_and_the_fillers_take_each_above_it()
    {
        // 7 request types (Ping, Measure, Query, DeepQuery, Both with two pipelines, ScopedPing, Command), one of them void,
        // 2 notification types with handlers (Tick, Alert), 2 stream request types (Letters, Count); each filler adds one
        // request and one void request, one notification and one stream request.
        var few = Run(fillers: 0);
        var many = Run(fillers: TypeSwitch.ChainLimit);

        foreach (var hint in new[] { "Mediator.g.cs", "Mediator.Publish.g.cs", "Mediator.CreateStream.g.cs" })
        {
            Assert.DoesNotContain("TypeIndex", Source(few, hint));
            Assert.Contains("global::Mediator.Internal.TypeIndex", Source(many, hint));
        }

        Assert.Contains("CommandPipelineSendVoid", Source(many, "Mediator.g.cs"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(TypeSwitch.ChainLimit)]
    [InlineData(40)]
    public async Task The_chain_and_the_table_behave_the_same(int fillers)
    {
        var run = Run(fillers);

        SnapshotTests.AssertClean(run);
        Assert.Equal(Expected, await CompiledApp.RunAsync(run, Foreign.Value.Image));
    }

    [Fact]
    public void The_table_path_compiles_at_CSharp_8_without_warnings()
    {
        var run = GeneratorRun.At(LanguageVersion.CSharp8, new[] { Foreign.Value.Reference }, Scenario, Fillers(TypeSwitch.ChainLimit));

        SnapshotTests.AssertClean(run);
    }

    [Fact]
    public void Generic_dispatch_above_the_chain_limit_switches_on_a_type_table()
    {
        var run = Run(fillers: TypeSwitch.ChainLimit);
        var text = new StringBuilder();
        foreach (var hint in new[] { "Mediator.g.cs", "Mediator.Publish.g.cs", "Mediator.CreateStream.g.cs" })
        {
            text.Append("//----- ").Append(hint).Append(" -----\n").Append(Source(run, hint).Replace("\r\n", "\n")).Append('\n');
        }

        Snapshot.Verify(nameof(Generic_dispatch_above_the_chain_limit_switches_on_a_type_table), text.ToString());
    }

    [Fact]
    public void The_table_is_the_same_text_on_every_run()
    {
        Assert.Equal(Source(Run(fillers: 40), "Mediator.g.cs"), Source(Run(fillers: 40), "Mediator.g.cs"));
    }
}
