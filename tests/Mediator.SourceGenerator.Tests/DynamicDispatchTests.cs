using Mediator.SourceGenerator.Emitting;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// <c>Send(object)</c>, <c>Publish(object)</c> and <c>CreateStream(object)</c> (issue 19): every message kind, a struct, a
/// subclass, a request with two answers, a scoped handler, types the generator cannot see, objects that are no message
/// (or a message of the other kind) and null, compiled with a chain of type tests and with the table, and run. Also: a
/// typed argument still binds to the typed overloads; a mediator with no pipelines of a kind; the generated code reads
/// the generic dispatch's table instead of writing a second one.
/// </summary>
public sealed class DynamicDispatchTests
{
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
            public class Letters : IStreamRequest<string> { }
            public sealed class MoreLetters : Letters { }
            public struct Count : IStreamRequest<int> { public int To; }
            public sealed class Envelope { }

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
                public async ValueTask<string> Handle(DeepQuery request, CancellationToken cancellationToken) { await Task.Yield(); return "deep " + request.GetType().Name; }
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
            public sealed class Streams : IStreamRequestHandler<Letters, string>, IStreamRequestHandler<Count, int>
            {
                public async IAsyncEnumerable<string> Handle(Letters request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    yield return request is MoreLetters ? "x" : "a";
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
                // What a queue consumer has: objects whose types are known only at run time.
                private static object Received(object message) => message;

                private static string Show(object? value) => value == null ? "null" : value.GetType().Name + ":" + value;

                private static async Task<string> Failure(Func<Task> dispatch)
                {
                    try { await dispatch(); return "no exception"; }
                    catch (Exception e) { return e.GetType().Name + "(" + e.Message + ")" + (e is ArgumentException a ? "[" + a.ParamName + "]" : ""); }
                }

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
                        seen.Add(Show(await mediator.Send(Received(new Ping()))));
                        seen.Add(Show(await mediator.Send(Received(new Measure { Value = 4 }))));
                        seen.Add(Show(await mediator.Send(Received(new Query()))));
                        seen.Add(Show(await mediator.Send(Received(new DeepQuery()))));
                        seen.Add(Show(await mediator.Send(Received(new DeeperQuery()))));
                        seen.Add(Show(await mediator.Send(Received(new OtherQuery()))));
                        seen.Add(Show(await mediator.Send(Received(new Both()))));
                        seen.Add(Show(await mediator.Send(Received(new ScopedPing()))));
                        seen.Add(Show(await mediator.Send(Received(new Command()))));
                        seen.Add(Show(await mediator.Send(Received(new SubCommand()))));
                        // The concrete mediator has the object overload too.
                        var concrete = scope.ServiceProvider.GetRequiredService<TestApp.Mediator>();
                        seen.Add(Show(await concrete.Send(Received(new Ping()))));
                        await mediator.Publish(Received(new Tick { Number = 7 }));
                        await mediator.Publish(Received(new FireAlert()));
                        await mediator.Publish(Received(new Alert()));
                        await mediator.Publish(Received(new Lib.ForeignNote()));
                        await foreach (var item in mediator.CreateStream(Received(new MoreLetters()))) seen.Add("stream " + Show(item));
                        await foreach (var item in mediator.CreateStream(Received(new Count { To = 2 }))) seen.Add("stream " + Show(item));
                        seen.Add(await Failure(async () => await mediator.Send(Received(new Lib.ForeignRequest()))));
                        seen.Add(await Failure(async () => await mediator.Send(Received(new Lib.Outer.Inner()))));
                        seen.Add(await Failure(async () => await mediator.Send(Received(new Envelope()))));
                        seen.Add(await Failure(async () => await mediator.Send(Received(new Alert()))));
                        seen.Add(await Failure(async () => await mediator.Send((object)null!)));
                        seen.Add(await Failure(async () => await mediator.Publish(Received(new Ping()))));
                        seen.Add(await Failure(async () => await mediator.Publish(Received(new Envelope()))));
                        seen.Add(await Failure(async () => await mediator.Publish((object)null!)));
                        seen.Add(await Failure(() => { mediator.CreateStream(Received(new Lib.ForeignStream())); return Task.CompletedTask; }));
                        seen.Add(await Failure(() => { mediator.CreateStream(Received(new Envelope())); return Task.CompletedTask; }));
                        seen.Add(await Failure(() => { mediator.CreateStream((object)null!); return Task.CompletedTask; }));
                        seen.AddRange(log.Lines);
                        return string.Join("\n", seen);
                    }
                }
            }
        }
        """;

    private const string Expected = """
        Int32:1
        Int32:40
        String:query Query
        String:deep DeepQuery
        String:deep DeeperQuery
        String:query OtherQuery
        Int32:2
        Int32:3
        Unit:()
        Unit:()
        Int32:1
        stream String:x
        stream Int32:1
        stream Int32:2
        HandlerNotFoundException(No handler for 'ForeignRequest' was compiled into this mediator. Add a class marked [Handler] that implements IRequestHandler (IStreamRequestHandler for a stream request) for it in the project that calls AddMediator() or in a project it references, or send it through the mediator of the assembly that handles it.)
        HandlerNotFoundException(No handler for 'Outer.Inner' was compiled into this mediator. Add a class marked [Handler] that implements IRequestHandler (IStreamRequestHandler for a stream request) for it in the project that calls AddMediator() or in a project it references, or send it through the mediator of the assembly that handles it.)
        NotAMessageException('Envelope' is not a message: Send(object) dispatches objects that implement IRequest<TResponse>, IRequest or IStreamRequest<TItem>. Implement the contract of its kind on 'Envelope' (and compile a [Handler] for it), or pass the message it carries (after deserializing, the message itself, not its envelope). (Parameter 'request'))[request]
        NotAMessageException('Alert' is a notification, not a request: Send(object) dispatches requests. Publish it with Publish(object). (Parameter 'request'))[request]
        ArgumentNullException(Value cannot be null. (Parameter 'request'))[request]
        NotAMessageException('Ping' is a request or stream request, not a notification: Publish(object) publishes objects that implement INotification. Send a request with Send(object), open a stream request with CreateStream(object). (Parameter 'notification'))[notification]
        NotAMessageException('Envelope' is not a message: Publish(object) publishes objects that implement INotification. Implement INotification on 'Envelope', or pass the message it carries (after deserializing, the message itself, not its envelope). (Parameter 'notification'))[notification]
        ArgumentNullException(Value cannot be null. (Parameter 'notification'))[notification]
        HandlerNotFoundException(No handler for 'ForeignStream' was compiled into this mediator. Add a class marked [Handler] that implements IRequestHandler (IStreamRequestHandler for a stream request) for it in the project that calls AddMediator() or in a project it references, or send it through the mediator of the assembly that handles it.)
        NotAMessageException('Envelope' is not a message: CreateStream(object) dispatches objects that implement IRequest<TResponse>, IRequest or IStreamRequest<TItem>. Implement the contract of its kind on 'Envelope' (and compile a [Handler] for it), or pass the message it carries (after deserializing, the message itself, not its envelope). (Parameter 'request'))[request]
        ArgumentNullException(Value cannot be null. (Parameter 'request'))[request]
        command Command
        command SubCommand
        tick 7
        alert FireAlert
        alert Alert
        """;

    /// <summary>Message types the generator of the app cannot see.</summary>
    private static readonly Lazy<(byte[] Image, MetadataReference Reference)> Foreign = new(() => CompiledApp.Library("ForeignLib", """
        using Mediator;
        namespace Lib
        {
            public sealed class ForeignRequest : IRequest<int> { }
            public sealed class ForeignStream : IStreamRequest<int> { }
            public sealed class ForeignNote : INotification { }
            public static class Outer { public sealed class Inner : IRequest<int> { } }
        }
        """));

    private static GeneratorRun Run(int fillers)
        => GeneratorRun.For(new[] { Scenario, Sources.Numbered("App.Fillers", "Filler", fillers) }, new[] { Foreign.Value.Reference });

    private static string Source(GeneratorRun run, string hintName) => run.GeneratedSources.Single(s => s.HintName == hintName).Text;

    [Theory]
    [InlineData(0)]
    [InlineData(TypeSwitch.ChainLimit)]
    [InlineData(40)]
    public async Task Every_kind_by_its_run_time_type_with_the_chain_and_with_the_table(int fillers)
    {
        var run = Run(fillers);

        SnapshotTests.AssertClean(run);
        Assert.Equal(Expected.Replace("\r\n", "\n"), await CompiledApp.RunAsync(run, Foreign.Value.Image));
        // The object overloads read the generic methods' tables: one table per kind of message, never a second.
        foreach (var hint in new[] { "Mediator.g.cs", "Mediator.Publish.g.cs", "Mediator.CreateStream.g.cs" })
        {
            var text = Source(run, hint);
            Assert.True(text.Split("new global::Mediator.Internal.TypeIndex(").Length <= 2, hint);
            Assert.Equal(fillers > 0, text.Contains("PipelineSendObject(", StringComparison.Ordinal) || text.Contains("PipelinePublishObject(", StringComparison.Ordinal) || text.Contains("PipelineCreateStreamObject(", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_table_path_compiles_at_CSharp_8_without_warnings()
    {
        var run = GeneratorRun.At(LanguageVersion.CSharp8, new[] { Foreign.Value.Reference }, Scenario, Sources.Numbered("App.Fillers", "Filler", TypeSwitch.ChainLimit));

        SnapshotTests.AssertClean(run);
    }

    /// <summary>
    /// Overload resolution: a message whose static type is known binds to the typed overload of the concrete mediator, or
    /// to the generic methods of the interfaces, never to the object overloads. This fails if <c>Send(new Ping())</c> ever
    /// binds to <c>Send(object)</c>.
    /// </summary>
    [Fact]
    public void A_typed_argument_binds_to_the_typed_or_generic_overloads_never_to_the_object_ones()
    {
        var run = GeneratorRun.For(new[] { Scenario, """
            using System.Threading.Tasks;
            using Mediator;
            namespace App
            {
                public static class Calls
                {
                    public static async Task Typed(TestApp.Mediator mediator, IMediator viaInterface, ISender sender, IPublisher publisher, IRequest<int> someRequest, INotification someNotification)
                    {
                        await mediator.Send(new Ping());
                        await mediator.Send(new Measure());
                        await mediator.Send(new Command());
                        await mediator.Publish(new Tick());
                        await mediator.Publish(new Alert());
                        mediator.CreateStream(new Count());
                        await viaInterface.Send(new Ping());
                        await viaInterface.Send(new Measure());
                        await viaInterface.Send(new Command());
                        await viaInterface.Send<string>(new Both());
                        await viaInterface.Send(someRequest);
                        await sender.Send(new Query());
                        await publisher.Publish(new Tick());
                        await publisher.Publish(new FireAlert());
                        await publisher.Publish(someNotification);
                        sender.CreateStream(new Count());
                        sender.CreateStream(new Letters());
                    }
                }
            }
            """ }, new[] { Foreign.Value.Reference });

        SnapshotTests.AssertClean(run);
        var tree = run.Output.SyntaxTrees.Single(t => t.ToString().Contains("class Calls", StringComparison.Ordinal));
        var model = run.Output.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().ToList();
        Assert.Equal(17, calls.Count);
        foreach (var call in calls)
        {
            var method = Assert.IsAssignableFrom<IMethodSymbol>(model.GetSymbolInfo(call).Symbol);
            Assert.False(method.Parameters[0].Type.SpecialType == SpecialType.System_Object, call + " binds to " + method.ToDisplayString());
        }
    }

    /// <summary>A project with request handlers only: its <c>Publish(object)</c> and <c>CreateStream(object)</c> have no pipeline to choose.</summary>
    [Fact]
    public async Task A_mediator_with_no_pipelines_of_a_kind_still_answers_every_object_overload()
    {
        var run = GeneratorRun.For(new[] { Sources.PingAndHandler, """
            using System;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;
            namespace App
            {
                public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                        var mediator = provider.GetRequiredService<IMediator>();
                        object note = new Lib.ForeignNote(), numbers = new Lib.ForeignStream(), ping = new Ping();
                        var seen = "send " + await mediator.Send(ping);
                        await mediator.Publish(note);
                        seen += ", publish done";
                        try { mediator.CreateStream(numbers); } catch (HandlerNotFoundException e) { seen += ", no stream handler for " + e.MessageType.Name; }
                        try { await mediator.Publish(ping); } catch (NotAMessageException e) { seen += ", " + e.ObjectType.Name + " is not a notification"; }
                        return seen;
                    }
                }
            }
            """ }, new[] { Foreign.Value.Reference });

        SnapshotTests.AssertClean(run);
        Assert.Equal("send 1, publish done, no stream handler for ForeignStream, Ping is not a notification", await CompiledApp.RunAsync(run, Foreign.Value.Image));
    }
}
