using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// A solution of projects, compiled one after the other through the generator: Domain (messages, no generator), two
/// modules with handlers (some internal), and a host that references them. The host's one mediator must reach them all.
/// </summary>
public sealed class CompositionBehaviourTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record Ping(int Value) : IRequest<int>;
        public sealed record Forget(string What) : IRequest;
        public sealed record Happened(string What) : INotification;
        public sealed record Count(int Upto) : IStreamRequest<int>;
        public static class Log { public static readonly System.Collections.Generic.List<string> Lines = new(); }
        """;

    private const string ModuleA = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(request.Value + 1);
        }
        [Handler] internal sealed class HappenedInA : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("A:" + notification.What); return default; }
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
        """;

    private const string ModuleB = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleB;
        [Handler] public sealed class ForgetHandler : IRequestHandler<Forget>
        {
            public ValueTask Handle(Forget request, CancellationToken cancellationToken) { Log.Lines.Add("B:forget " + request.What); return default; }
        }
        [Handler] internal sealed class HappenedInB : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("B:" + notification.What); return default; }
        }
        [Handler] internal sealed class CountHandler : IStreamRequestHandler<Count, int>
        {
            public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                for (var i = 1; i <= request.Upto; i++) { await Task.Yield(); yield return i; }
            }
        }
        """;

    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        [Handler] internal sealed class HappenedHere : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("Host:" + notification.What); return default; }
        }
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                var typed = provider.GetRequiredService<Host.Mediator>();
                IMediator mediator = provider.GetRequiredService<IMediator>();
                Log.Lines.Add("typed " + await typed.Send(new Ping(1)));
                Log.Lines.Add("generic " + await mediator.Send<int>(new Ping(10)));
                await typed.Send(new Forget("x"));
                await mediator.Send((IRequest)new Forget("y"));
                await typed.Publish(new Happened("t"));
                await mediator.Publish(new Happened("g"));
                var sum = 0;
                await foreach (var i in mediator.CreateStream(new Count(3))) sum += i;
                Log.Lines.Add("stream " + sum);
                return string.Join("|", Log.Lines);
            }
        }
        """;

    [Fact]
    public async Task The_host_mediator_sends_publishes_and_streams_across_modules_with_internal_handlers()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", ModuleA);
        set.Module("ModuleB", ModuleB);
        var host = set.Generate("Host", Host);

        Assert.Empty(host.GeneratorDiagnostics);
        var output = await CompiledApp.RunAsync(host, set.Images.ToArray());

        Assert.Equal(
            "mwA:Ping|typed 2|mwA:Ping|generic 11|B:forget x|B:forget y|Host:t|A:t|B:t|Host:g|A:g|B:g|stream 6",
            output);
    }

    [Fact]
    public void A_request_handled_in_two_modules_is_an_error_naming_both()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", ModuleA);
        set.Module("ModuleA2", ModuleA.Replace("namespace ModuleA;", "namespace ModuleA2;"));
        var host = set.Generate("Host", Host);

        var error = Assert.Single(host.GeneratorDiagnostics, d => d.Id == "MED0041");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("'Domain.Ping'", error.GetMessage());
        Assert.Contains("'ModuleA'", error.GetMessage());
        Assert.Contains("'ModuleA2'", error.GetMessage());
    }

    [Fact]
    public void A_referenced_assembly_with_handlers_built_without_the_generator_is_reported()
    {
        var set = new ProjectSet().Plain("Domain", Domain).Plain("Handwritten", ModuleA.Replace("internal sealed", "public sealed"));
        var host = set.Generate("Host", Host);

        var warning = Assert.Single(host.GeneratorDiagnostics, d => d.Id == "MED0043");
        Assert.Contains("'Handwritten'", warning.GetMessage());
    }
}
