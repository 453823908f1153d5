using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// <c>Send(object)</c>, <c>Publish(object)</c> and <c>CreateStream(object)</c> in a host over two modules: public messages
/// of either module, a struct, a subclass routed to a module's base class, and the modules' <b>internal</b> messages,
/// which the host cannot name and reaches through each module's entry points that take an object
/// (<c>ComposedSendObject</c>, ...). A notification handled in the host and both modules reaches all three, an internal
/// subclass of it too, and failures in two modules are reported as the typed <c>Publish</c> reports them. Run with a
/// host that has handlers and one that has none, and with a chain of type tests and the table (fillers).
/// </summary>
public sealed class ModuleObjectDispatchTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record Ping(int Value) : IRequest<int>;
        public sealed record Forget(string What) : IRequest;
        public struct Measure : IRequest<int> { public int Value; }
        public class Order : IRequest<string> { }
        public sealed class RushOrder : Order { }
        public class Happened : INotification { public string What = ""; }
        public sealed class Boom : INotification { }
        public sealed record Count(int Upto) : IStreamRequest<int>;
        public sealed class Unknown : IRequest<int> { }
        public static class Log { public static readonly System.Collections.Generic.List<string> Lines = new(); }
        """;

    private static string ModuleA(int fillers) => """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        internal sealed class Secret : IRequest<string> { }
        internal sealed class SecretCommand : IRequest { }
        internal sealed class Whisper : INotification { }
        internal sealed class SecretHappened : Happened { }
        internal sealed class SecretNumbers : IStreamRequest<string> { }
        // What a module hands out without naming its types: a deserializer, a queue, a scheduler.
        public static class Secrets
        {
            public static object Request() => new Secret();
            public static object Command() => new SecretCommand();
            public static object Note() => new Whisper();
            public static object Subclass() => new SecretHappened { What = "sub" };
            public static object Stream() => new SecretNumbers();
        }
        [Handler] internal sealed class Handlers : IRequestHandler<Ping, int>, IRequestHandler<Order, string>, IRequestHandler<Secret, string>,
            IRequestHandler<SecretCommand>, INotificationHandler<Happened>, INotificationHandler<Whisper>, INotificationHandler<Boom>,
            IStreamRequestHandler<SecretNumbers, string>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(request.Value + 1);
            public ValueTask<string> Handle(Order request, CancellationToken cancellationToken) => new("A order:" + request.GetType().Name);
            public async ValueTask<string> Handle(Secret request, CancellationToken cancellationToken) { await Task.Yield(); return "A secret"; }
            public ValueTask Handle(SecretCommand request, CancellationToken cancellationToken) { Log.Lines.Add("A secret command"); return default; }
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("A:" + notification.What + ":" + notification.GetType().Name); return default; }
            public ValueTask Handle(Whisper notification, CancellationToken cancellationToken) { Log.Lines.Add("A whisper"); return default; }
            public ValueTask Handle(Boom notification, CancellationToken cancellationToken) => throw new System.InvalidOperationException("A failed");
            public async IAsyncEnumerable<string> Handle(SecretNumbers request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Yield();
                yield return "one";
                yield return "two";
            }
        }
        [Middleware(Order = 1)]
        public sealed class TagA<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse> where TRequest : IRequest<TResponse>
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context) where TNext : struct, INext<TRequest, TResponse>
            {
                Log.Lines.Add("mwA:" + typeof(TRequest).Name);
                return next.InvokeAsync(request, context);
            }
        }
        """ + string.Concat(Enumerable.Range(0, fillers).Select(i => $$"""

        public sealed record Filler{{i}} : IRequest<int>;
        internal sealed record InternalFiller{{i}} : IRequest<int>;
        public sealed record FillerNote{{i}} : INotification;
        public sealed record FillerStream{{i}} : IStreamRequest<int>;
        [Handler] internal sealed class Filler{{i}}Handler : IRequestHandler<Filler{{i}}, int>, IRequestHandler<InternalFiller{{i}}, int>, INotificationHandler<FillerNote{{i}}>, IStreamRequestHandler<FillerStream{{i}}, int>
        {
            public ValueTask<int> Handle(Filler{{i}} request, CancellationToken cancellationToken) => new({{i}});
            public ValueTask<int> Handle(InternalFiller{{i}} request, CancellationToken cancellationToken) => new({{i}});
            public ValueTask Handle(FillerNote{{i}} notification, CancellationToken cancellationToken) => default;
            public async IAsyncEnumerable<int> Handle(FillerStream{{i}} request, [EnumeratorCancellation] CancellationToken cancellationToken) { await Task.Yield(); yield return {{i}}; }
        }
        """));

    private const string ModuleB = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleB;
        [Handler] public sealed class Handlers : IRequestHandler<Forget>, IRequestHandler<Measure, int>, INotificationHandler<Happened>, INotificationHandler<Boom>, IStreamRequestHandler<Count, int>
        {
            public ValueTask Handle(Forget request, CancellationToken cancellationToken) { Log.Lines.Add("B forget " + request.What); return default; }
            public ValueTask<int> Handle(Measure request, CancellationToken cancellationToken) => new(request.Value * 10);
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("B:" + notification.What + ":" + notification.GetType().Name); return default; }
            public ValueTask Handle(Boom notification, CancellationToken cancellationToken) => throw new System.InvalidOperationException("B failed");
            public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                for (var i = 1; i <= request.Upto; i++) { await Task.Yield(); yield return i; }
            }
        }
        """;

    private const string HostHandler = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace App;
        [Handler] internal sealed class HappenedHere : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("Host:" + notification.What + ":" + notification.GetType().Name); return default; }
        }
        """;

    private const string Entry = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        public static class Entry
        {
            private static object Received(object message) => message;

            private static string Show(object? value) => value == null ? "null" : value.GetType().Name + ":" + value;

            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                IMediator mediator = provider.GetRequiredService<IMediator>();
                Log.Lines.Add("ping " + Show(await mediator.Send(Received(new Ping(1)))));
                Log.Lines.Add("forget " + Show(await mediator.Send(Received(new Forget("x")))));
                Log.Lines.Add("measure " + Show(await mediator.Send(Received(new Measure { Value = 3 }))));
                Log.Lines.Add("rush " + Show(await mediator.Send(Received(new RushOrder()))));
                Log.Lines.Add("secret " + Show(await mediator.Send(ModuleA.Secrets.Request())));
                Log.Lines.Add("secret command " + Show(await mediator.Send(ModuleA.Secrets.Command())));
                await mediator.Publish(Received(new Happened { What = "o" }));
                await mediator.Publish(ModuleA.Secrets.Note());
                await mediator.Publish(ModuleA.Secrets.Subclass());
                await foreach (var item in mediator.CreateStream(Received(new Count(2)))) Log.Lines.Add("count " + Show(item));
                await foreach (var item in mediator.CreateStream(ModuleA.Secrets.Stream())) Log.Lines.Add("secret stream " + Show(item));
                try { await mediator.Send(Received(new Unknown())); }
                catch (HandlerNotFoundException e) { Log.Lines.Add("unknown: " + e.MessageType.Name); }
                var typed = await Failures(() => mediator.Publish(new Boom()));
                var dynamic = await Failures(() => mediator.Publish(Received(new Boom())));
                Log.Lines.Add("boom " + dynamic + (typed == dynamic ? " (as typed)" : " (typed: " + typed + ")"));
                return string.Join("|", Log.Lines);
            }

            private static async Task<string> Failures(Func<ValueTask> publish)
            {
                try { await publish(); return "none"; }
                catch (PublishException e) { return string.Join(",", e.Failures.Select(f => f.HandlerType.Name + "=" + f.Exception.Message)); }
            }
        }
        """;

    private const string Expected =
        "mwA:Ping|ping Int32:2|B forget x|forget Unit:()|measure Int32:30|mwA:Order|rush String:A order:RushOrder"
        + "|mwA:Secret|secret String:A secret|mwA:SecretCommand|A secret command|secret command Unit:()"
        + "|{host}A:o:Happened|B:o:Happened|A whisper|{host-sub}A:sub:SecretHappened|B:sub:SecretHappened"
        + "|count Int32:1|count Int32:2|secret stream String:one|secret stream String:two|unknown: Unknown"
        + "|boom Handlers=A failed,Handlers=B failed (as typed)";

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 0)]
    [InlineData(true, 10)]
    [InlineData(false, 10)]
    public async Task A_host_reaches_every_modules_messages_internal_ones_included(bool hostHasHandlers, int fillers)
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", ModuleA(fillers));
        set.Module("ModuleB", ModuleB);
        var host = hostHasHandlers ? set.Generate("Host", HostHandler, Entry) : set.Generate("Host", Entry);

        Assert.Empty(host.GeneratorDiagnostics);
        var expected = Expected
            .Replace("{host}", hostHasHandlers ? "Host:o:Happened|" : string.Empty)
            .Replace("{host-sub}", hostHasHandlers ? "Host:sub:SecretHappened|" : string.Empty);
        Assert.Equal(expected, await CompiledApp.RunAsync(host, set.Images.ToArray()));
        var generated = string.Concat(host.GeneratedSources.Select(s => s.Text));
        Assert.Equal(fillers > 8, generated.Contains("switch (ModuleRequestTypes.IndexOf(", StringComparison.Ordinal));
        Assert.Contains("global::ModuleA.Mediator.ComposedSendObject(", generated, StringComparison.Ordinal);
    }

    /// <summary>
    /// A host with an internal notification of its own, over a module whose notifications are all internal: the host
    /// composes Publish for the module's sake, and its own internal type keeps an internal typed overload (a public one
    /// did not compile, CS0051, as soon as a host composed notifications). Both are reached by Publish(object).
    /// </summary>
    [Fact]
    public async Task A_host_with_an_internal_notification_over_a_module_with_only_internal_ones()
    {
        var set = new ProjectSet().Plain("Domain", "namespace Domain; public static class Log { public static readonly System.Collections.Generic.List<string> Lines = new(); }");
        set.Module("ModuleA", """
            using System.Threading; using System.Threading.Tasks; using Mediator; using Domain;
            namespace ModuleA;
            internal sealed class Secret : INotification { }
            public static class Secrets { public static object Note() => new Secret(); }
            [Handler] internal sealed class H : INotificationHandler<Secret> { public ValueTask Handle(Secret n, CancellationToken c) { Log.Lines.Add("A secret"); return default; } }
            """);
        var host = set.Generate("Host", """
            using System.Threading; using System.Threading.Tasks; using Mediator; using Domain;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            internal sealed class Local : INotification { }
            [Handler] internal sealed class H : INotificationHandler<Local> { public ValueTask Handle(Local n, CancellationToken c) { Log.Lines.Add("host local"); return default; } }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                    var typed = provider.GetRequiredService<Host.Mediator>();
                    IMediator mediator = typed;
                    await typed.Publish(new Local());
                    await mediator.Publish((object)new Local());
                    await mediator.Publish(ModuleA.Secrets.Note());
                    return string.Join("|", Log.Lines);
                }
            }
            """);

        Assert.Empty(host.GeneratorDiagnostics);
        Assert.Equal("host local|host local|A secret", await CompiledApp.RunAsync(host, set.Images.ToArray()));
        Assert.Contains("internal global::System.Threading.Tasks.ValueTask Publish(global::App.Local notification", string.Concat(host.GeneratedSources.Select(s => s.Text)), StringComparison.Ordinal);
    }

    /// <summary>A module built for contract version 3 has no entry points that take an object: MED0042, as for any other version.</summary>
    [Fact]
    public void A_module_of_the_previous_contract_version_is_MED0042()
    {
        var set = new ProjectSet().Plain("Domain", Domain).Plain("OldModule", """
            [assembly: Mediator.Internal.MediatorModule(typeof(OldModule.Mediator), 3)]
            namespace OldModule
            {
                public sealed class Mediator { }
                public sealed class OldRequest : global::Mediator.IRequest<int> { }
            }
            """);
        var host = set.Generate("Host", HostHandler);

        var error = Assert.Single(host.GeneratorDiagnostics, d => d.Id == "MED0042");
        Assert.Contains("'OldModule'", error.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("module contract version 3 (this one writes version 4)", error.GetMessage(), StringComparison.Ordinal);
    }
}
