using System.Text;
using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// How the host's generic <c>Send</c>, <c>CreateStream</c> and <c>Publish</c> find the module that takes a message when
/// the modules have more message types than the chain limit (8): a table and a switch, as within one project, and a
/// notification reaches only the projects that handle it (or, for a type nobody lists, every project, as before).
/// </summary>
public sealed class ModuleDispatchTests
{
    private const int Count = 10;

    private static string Domain()
    {
        var source = new StringBuilder("using Mediator;\nnamespace Domain;\n");
        for (var i = 0; i < Count; i++)
        {
            source.Append("public sealed record Ask").Append(i).Append("(int Value) : IRequest<int>;\n");
            source.Append("public sealed record Do").Append(i).Append("(string What) : IRequest;\n");
            source.Append("public sealed record Range").Append(i).Append("(int Upto) : IStreamRequest<int>;\n");
            source.Append("public sealed record Said").Append(i).Append("(string What) : INotification;\n");
        }

        source.Append("public record Base(string What) : INotification;\n");
        source.Append("public sealed record Derived(string What) : Base(What);\n");
        source.Append("public readonly record struct Tick(int At) : INotification;\n");
        source.Append("public sealed record UnknownAsk : IRequest<string>;\n");
        source.Append("public sealed record HostOnly(string What) : INotification;\n");
        source.Append("public static class Log { public static readonly System.Collections.Generic.List<string> Lines = new(); }\n");
        return source.ToString();
    }

    /// <summary>A module with the handlers of messages <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    private static string Module(string name, int from, int to, string extra)
    {
        var source = new StringBuilder("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Domain;

            """);
        source.Append("namespace ").Append(name).Append(";\n");
        for (var i = from; i < to; i++)
        {
            source.Append($$"""
                [Handler] internal sealed class Ask{{i}}Handler : IRequestHandler<Ask{{i}}, int>
                {
                    public ValueTask<int> Handle(Ask{{i}} request, CancellationToken cancellationToken) => new(request.Value + {{i}});
                }
                [Handler] internal sealed class Do{{i}}Handler : IRequestHandler<Do{{i}}>
                {
                    public ValueTask Handle(Do{{i}} request, CancellationToken cancellationToken) { Log.Lines.Add("{{name}}:do{{i}} " + request.What); return default; }
                }
                [Handler] internal sealed class Range{{i}}Handler : IStreamRequestHandler<Range{{i}}, int>
                {
                    public async IAsyncEnumerable<int> Handle(Range{{i}} request, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        for (var n = 1; n <= request.Upto; n++) { await Task.Yield(); yield return n * {{i + 1}}; }
                    }
                }
                [Handler] internal sealed class Said{{i}}Handler : INotificationHandler<Said{{i}}>
                {
                    public ValueTask Handle(Said{{i}} notification, CancellationToken cancellationToken) { Log.Lines.Add("{{name}}:said{{i}} " + notification.What); return default; }
                }

                """);
        }

        return source.Append(extra).ToString();
    }

    private const string ModuleAExtra = """
        [Handler] internal sealed class BaseHandler : INotificationHandler<Base>
        {
            public ValueTask Handle(Base notification, CancellationToken cancellationToken) { Log.Lines.Add("ModuleA:base " + notification.What); return default; }
        }
        """;

    private const string ModuleBExtra = """
        [Handler] internal sealed class TickHandler : INotificationHandler<Tick>
        {
            public ValueTask Handle(Tick notification, CancellationToken cancellationToken) { Log.Lines.Add("ModuleB:tick " + notification.At); return default; }
        }
        """;

    private const string Host = """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        [Handler] internal sealed class HostOnlyHandler : INotificationHandler<HostOnly>
        {
            public ValueTask Handle(HostOnly notification, CancellationToken cancellationToken) { Log.Lines.Add("Host:" + notification.What); return default; }
        }
        [Handler] internal sealed class Said0Here : INotificationHandler<Said0>
        {
            public ValueTask Handle(Said0 notification, CancellationToken cancellationToken) { Log.Lines.Add("Host:said0 " + notification.What); return default; }
        }
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using (var provider = new ServiceCollection().AddMediator().BuildServiceProvider())
                {
                    IMediator mediator = provider.GetRequiredService<IMediator>();
                    Log.Lines.Add("ask " + await mediator.Send<int>(new Ask2(100)) + " " + await mediator.Send<int>(new Ask8(100)));
                    await mediator.Send((IRequest)new Do1("x"));
                    await mediator.Send((IRequest)new Do9("y"));
                    var sum = 0;
                    await foreach (var n in mediator.CreateStream(new Range7(2))) sum += n;
                    Log.Lines.Add("stream " + sum);
                    await mediator.Publish(new Said0("g"));
                    await mediator.Publish(new Said6("g"));
                    await mediator.Publish(new Derived("d"));
                    await mediator.Publish(new Tick(3));
                    INotification boxed = new Tick(4);
                    await mediator.Publish(boxed);
                    try { await mediator.Send<string>(new UnknownAsk()); }
                    catch (HandlerNotFoundException) { Log.Lines.Add("not found"); }
                }

                using (var provider = new ServiceCollection().AddMediator().BuildServiceProvider())
                {
                    await provider.GetRequiredService<IPublisher>().Publish(new HostOnly("alone"));
                }

                return string.Join("|", Log.Lines);
            }
        }
        """;

    private static async Task<(GeneratorRun Host, string Output)> Run()
    {
        var set = new ProjectSet().Plain("Domain", Domain());
        set.Module("ModuleA", Module("ModuleA", 0, 5, ModuleAExtra));
        set.Module("ModuleB", Module("ModuleB", 5, Count, ModuleBExtra));
        var host = set.Generate("Host", Host);
        Assert.DoesNotContain(host.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return (host, await CompiledApp.RunAsync(host, set.Images.ToArray()));
    }

    [Fact]
    public async Task Generic_paths_reach_the_modules_through_a_table_when_they_have_many_message_types()
    {
        var (host, output) = await Run();

        Assert.Equal(
            "ask 102 108|ModuleA:do1 x|ModuleB:do9 y|stream 24|Host:said0 g|ModuleA:said0 g|ModuleB:said6 g|ModuleA:base d|ModuleB:tick 3|ModuleB:tick 4|not found|Host:alone",
            output);

        // The modules' exact types are tried in the generic methods themselves, where this project's had no pipeline.
        var mediator = string.Concat(host.GeneratedSources.Select(s => s.Text));
        Assert.Contains("switch (ModuleRequestTypes.IndexOf(", mediator);
        Assert.Contains("switch (ModuleStreamTypes.IndexOf(", mediator);
        Assert.Contains("switch (ComposedNotificationTypes.IndexOf(", mediator);
        Assert.DoesNotContain("if (composedType == typeof(", mediator);

        // A notification only this project handles does not visit the modules: its overload calls this project's alone.
        // (The host's cache resolves the modules' when it is built, so leaving them out of the container cannot show it.)
        var hostOnly = mediator.Substring(mediator.IndexOf("Publish(global::Domain.HostOnly notification", StringComparison.Ordinal));
        hostOnly = hostOnly.Substring(0, hostOnly.IndexOf("/// <summary>", StringComparison.Ordinal));
        Assert.Contains("return PublishHere(notification, cancellationToken);", hostOnly);
        Assert.DoesNotContain("Composed", hostOnly);
    }
}
