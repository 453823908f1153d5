using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// <c>[Obsolete]</c> (plain, with a message, <c>error: true</c>, with a <c>DiagnosticId</c>, both) and
/// <c>[Experimental]</c> on a message, a response or item type, a handler, a middleware of each direction, or a class a
/// message is nested in: generated code compiles with every warning as an error and runs, and a call of the typed
/// overload still reports the mark where the user wrote it.
/// </summary>
public sealed class UsageAttributeTests
{
    /// <summary>Every mark, with the ID C# reports a use under.</summary>
    public static readonly (string Name, string Attribute, string Id, bool IsError)[] Marks =
    {
        ("obsolete", "[System.Obsolete]", "CS0612", false),
        ("obsolete with a message", "[System.Obsolete(\"use the new one\")]", "CS0618", false),
        ("obsolete error", "[System.Obsolete(\"use the new one\", true)]", "CS0619", true),
        ("obsolete with an ID", "[System.Obsolete(\"use the new one\", DiagnosticId = \"OLD001\", UrlFormat = \"https://example.com/{0}\")]", "OLD001", false),
        ("obsolete error with an ID", "[System.Obsolete(\"use the new one\", true, DiagnosticId = \"OLD002\")]", "OLD002", true),
        ("experimental", "[System.Diagnostics.CodeAnalysis.Experimental(\"EXP001\")]", "EXP001", false),
    };

    /// <summary>
    /// Each user type that can carry the mark, with the user types that name it: when the mark is an error, those must
    /// be obsolete themselves (C# reports no use inside something obsolete), as they would have to be in a real program.
    /// </summary>
    public static readonly Dictionary<string, string[]> Elements = new()
    {
        ["Ping"] = new[] { "PingHandler", "Entry", "Factory" },
        ["Pong"] = new[] { "Ping", "PingHandler", "Entry" },
        ["Forget"] = new[] { "ForgetHandler", "Entry", "Factory" },
        ["Noted"] = new[] { "NotedHandler", "Entry", "Factory" },
        ["Count"] = new[] { "CountHandler", "Entry", "Factory" },
        ["Tick"] = new[] { "Count", "CountHandler", "Entry" },
        ["Legacy"] = new[] { "NestedHandler", "Entry" },
        ["PingHandler"] = Array.Empty<string>(),
        ["ForgetHandler"] = Array.Empty<string>(),
        ["NotedHandler"] = Array.Empty<string>(),
        ["CountHandler"] = Array.Empty<string>(),
        ["RequestWrap"] = Array.Empty<string>(),
        ["NoteWrap"] = Array.Empty<string>(),
        ["PublishWrap"] = Array.Empty<string>(),
        ["StreamWrap"] = Array.Empty<string>(),
    };

    /// <summary>
    /// The elements in groups that mark each pipeline at most once (the Ping, Forget, Noted, Count and nested request
    /// pipelines), so that one compilation tries several elements without one hiding another: every element is in one
    /// group, and every group is tried with every mark.
    /// </summary>
    public static readonly string[][] Groups =
    {
        new[] { "Ping", "Forget", "Noted", "Count", "Legacy" },
        new[] { "Pong", "ForgetHandler", "NotedHandler", "Tick" },
        new[] { "PingHandler", "NoteWrap", "CountHandler" },
        new[] { "RequestWrap", "PublishWrap", "StreamWrap" },
    };

    [Fact]
    public void The_groups_hold_every_element_once()
        => Assert.Equal(Elements.Keys.OrderBy(e => e, StringComparer.Ordinal), Groups.SelectMany(g => g).OrderBy(e => e, StringComparer.Ordinal));

    public static TheoryData<string, string> Combinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in Groups)
        {
            foreach (var mark in Marks)
            {
                data.Add(string.Join(",", group), mark.Name);
            }
        }

        return data;
    }

    /// <summary>
    /// A request with a response type, a void request, a notification with a handler-side and a publish-side middleware,
    /// a stream with an item type, and a request nested in a class; each kind has its own handler class and middleware.
    /// <paramref name="attributes"/> puts attributes before a type by name.
    /// </summary>
    private static string App(IReadOnlyDictionary<string, string> attributes, string extraCode = "")
    {
        string A(string type) => attributes.TryGetValue(type, out var text) ? text + " " : string.Empty;
        return """
            #pragma warning disable CS0612, CS0618, OLD001, OLD002, EXP001
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;

            namespace App
            {
                public static class Log { public static readonly List<string> Lines = new(); }

            """ + $$"""
                {{A("Pong")}}public sealed class Pong { public Pong(int value) { Value = value; } public int Value { get; } }
                {{A("Ping")}}public sealed class Ping : IRequest<Pong> { }
                {{A("Forget")}}public sealed class Forget : IRequest { }
                {{A("Noted")}}public sealed class Noted : INotification { }
                {{A("Tick")}}public sealed class Tick { public Tick(int value) { Value = value; } public int Value { get; } }
                {{A("Count")}}public sealed class Count : IStreamRequest<Tick> { }
                {{A("Legacy")}}public static class Legacy { public sealed class Nested : IRequest<int> { } }

                [Handler] {{A("PingHandler")}}public sealed class PingHandler : IRequestHandler<Ping, Pong>
                {
                    public ValueTask<Pong> Handle(Ping request, CancellationToken cancellationToken) => new(new Pong(42));
                }

                [Handler] {{A("ForgetHandler")}}public sealed class ForgetHandler : IRequestHandler<Forget>
                {
                    public ValueTask Handle(Forget request, CancellationToken cancellationToken) { Log.Lines.Add("forget"); return default; }
                }

                [Handler] {{A("NotedHandler")}}public sealed class NotedHandler : INotificationHandler<Noted>
                {
                    public ValueTask Handle(Noted notification, CancellationToken cancellationToken) { Log.Lines.Add("noted"); return default; }
                }

                [Handler] {{A("CountHandler")}}public sealed class CountHandler : IStreamRequestHandler<Count, Tick>
                {
                    public async IAsyncEnumerable<Tick> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        yield return new Tick(1);
                        await Task.Yield();
                        yield return new Tick(2);
                    }
                }

                [Handler] {{A("NestedHandler")}}public sealed class NestedHandler : IRequestHandler<Legacy.Nested, int>
                {
                    public ValueTask<int> Handle(Legacy.Nested request, CancellationToken cancellationToken) => new(7);
                }

                [Middleware(Order = 1)] {{A("RequestWrap")}}public sealed class RequestWrap<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                    where TRequest : IRequest<TResponse>
                {
                    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, INext<TRequest, TResponse>
                    {
                        Log.Lines.Add("request middleware");
                        return next.InvokeAsync(request, context);
                    }
                }

                [Middleware(Order = 2)] {{A("NoteWrap")}}public sealed class NoteWrap<TNotification> : INotificationMiddleware<TNotification>
                {
                    public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                        where TNext : struct, INotificationNext<TNotification>
                    {
                        Log.Lines.Add("handler-side middleware");
                        return next.InvokeAsync(notification, context);
                    }
                }

                [Middleware(Order = 3, Direction = MiddlewareDirection.OnPublish)] {{A("PublishWrap")}}public sealed class PublishWrap<TNotification> : INotificationMiddleware<TNotification>
                {
                    public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                        where TNext : struct, INotificationNext<TNotification>
                    {
                        Log.Lines.Add("publish-side middleware");
                        return next.InvokeAsync(notification, context);
                    }
                }

                [Middleware(Order = 4)] {{A("StreamWrap")}}public sealed class StreamWrap<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
                {
                    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, IStreamNext<TRequest, TItem>
                    {
                        Log.Lines.Add("stream middleware");
                        await foreach (var item in next.InvokeAsync(request, context))
                        {
                            yield return item;
                        }
                    }
                }

                {{A("Factory")}}public static class Factory
                {
                    public static Ping Ping() => new Ping();
                    public static Forget Forget() => new Forget();
                    public static Noted Noted() => new Noted();
                    public static Count Count() => new Count();
                }

                {{A("Entry")}}public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        using var provider = services.BuildServiceProvider();
                        var typed = provider.GetRequiredService<TestApp.Mediator>();
                        IMediator general = typed;
                        var ticks = new List<int>();
                        Log.Lines.Add("typed " + (await typed.Send(new Ping())).Value);
                        Log.Lines.Add("generic " + (await general.Send(new Ping())).Value);
                        await typed.Send(new Forget());
                        await general.Send(new Forget());
                        await typed.Publish(new Noted());
                        await general.Publish(new Noted());
                        await foreach (var tick in typed.CreateStream(new Count())) ticks.Add(tick.Value);
                        await foreach (var tick in general.CreateStream(new Count())) ticks.Add(tick.Value);
                        Log.Lines.Add("ticks " + string.Join(",", ticks));
                        Log.Lines.Add("nested " + await typed.Send(new Legacy.Nested()) + " " + await general.Send(new Legacy.Nested()));
                        return string.Join("|", Log.Lines);
                    }
                }
            }
            {{extraCode}}
            """;
    }

    private static readonly string Expected = string.Join("|", new[]
    {
        "request middleware", "typed 42", "request middleware", "generic 42",
        "request middleware", "forget", "request middleware", "forget",
        "publish-side middleware", "handler-side middleware", "noted",
        "publish-side middleware", "handler-side middleware", "noted",
        "stream middleware", "stream middleware", "ticks 1,2,1,2",
        "request middleware", "request middleware", "nested 7 7",
    });

    /// <summary>
    /// The attributes for <paramref name="elements"/> (comma-separated) marked with <paramref name="mark"/>, and for the
    /// user types that must be obsolete with them.
    /// </summary>
    private static Dictionary<string, string> Attributes(string elements, string mark)
    {
        var (_, attribute, _, isError) = Marks.Single(m => m.Name == mark);
        var attributes = new Dictionary<string, string>();
        foreach (var element in elements.Split(','))
        {
            attributes[element] = attribute;
        }

        foreach (var user in elements.Split(',').SelectMany(e => isError ? Elements[e] : Array.Empty<string>()))
        {
            attributes.TryAdd(user, "[System.Obsolete(\"names an obsolete type\")]");
        }

        return attributes;
    }

    /// <summary>The output compilation with every warning as an error, as <c>TreatWarningsAsErrors</c> builds it.</summary>
    private static Compilation WithWarningsAsErrors(GeneratorRun run)
        => run.Output.WithOptions(run.Output.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Error));

    private static IReadOnlyList<Diagnostic> ErrorsWithWarningsAsErrors(GeneratorRun run)
        => WithWarningsAsErrors(run).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    [Theory]
    [MemberData(nameof(Combinations))]
    public async Task A_marked_type_builds_with_warnings_as_errors_and_runs(string elements, string mark)
    {
        var run = GeneratorRun.For(App(Attributes(elements, mark)));

        // The emit fails on any error, and with warnings as errors every warning is one.
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(Expected, await CompiledApp.RunAsync(WithWarningsAsErrors(run)));
    }

    [Theory]
    [InlineData("Ping,Forget,Noted,Count,Legacy")]
    [InlineData("Pong,ForgetHandler,NotedHandler,Tick")]
    [InlineData("PingHandler,NoteWrap,CountHandler")]
    public async Task A_marked_type_builds_and_runs_when_the_generic_dispatch_uses_type_tables(string elements)
    {
        // Above eight types of a kind the generic dispatch switches on a table of types, which must not name them either.
        var run = GeneratorRun.For(App(Attributes(elements, "obsolete error with an ID")), Sources.Numbered("App.Fillers", "Filler", 9));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("TypeIndex", run.GeneratedSources.Single(s => s.HintName == "Mediator.g.cs").Text);
        Assert.Equal(Expected, await CompiledApp.RunAsync(WithWarningsAsErrors(run)));
    }

    public static TheoryData<string, string> PerDispatchCombinations()
    {
        var data = new TheoryData<string, string>();
        foreach (var group in Groups)
        {
            data.Add(string.Join(",", group), "obsolete error with an ID");
            data.Add(string.Join(",", group), "experimental");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PerDispatchCombinations))]
    public async Task A_marked_type_builds_and_runs_when_every_pipeline_is_built_per_dispatch(string elements, string mark)
    {
        // Transient components: no pipeline is a service; the mediator calls each one's Create (a request's pipeline is
        // then a struct, and its Register, for the services that name obsolete types, a part of that struct).
        var lifetimes = "[assembly: Mediator.DefaultLifetimes(Handlers = Mediator.ComponentLifetime.Transient, Middleware = Mediator.ComponentLifetime.Transient)]";
        var run = GeneratorRun.For(App(Attributes(elements, mark)), lifetimes);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Matches("internal readonly (partial )?struct PingPipeline", string.Concat(run.GeneratedSources.Select(s => s.Text)));
        Assert.Equal(Expected, await CompiledApp.RunAsync(WithWarningsAsErrors(run)));
    }

    /// <summary>Calls of each typed overload whose signature names a marked type; the message comes from a factory.</summary>
    private static readonly Dictionary<string, string> CallsOf = new()
    {
        ["Ping"] = "typed.Send(Factory.Ping())",
        ["Forget"] = "typed.Send(Factory.Forget())",
        ["Noted"] = "typed.Publish(Factory.Noted())",
        ["Count"] = "typed.CreateStream(Factory.Count())",
        ["Pong"] = "typed.Send(Factory.Ping())",
        ["Tick"] = "typed.CreateStream(Factory.Count())",
    };

    public static TheoryData<string, string> Calls()
    {
        var data = new TheoryData<string, string>();
        foreach (var elements in new[] { "Ping,Forget,Noted,Count", "Pong,Tick" })
        {
            foreach (var mark in Marks)
            {
                data.Add(elements, mark.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_call_of_the_typed_overload_still_reports_the_mark_where_the_user_wrote_it(string elements, string mark)
    {
        // The call names no marked type (the message comes from a factory): only the overload's copy of the mark can report.
        var id = Marks.Single(m => m.Name == mark).Id;
        var calls = elements.Split(',').Select(e => CallsOf[e]).ToList();
        var source = App(Attributes(elements, mark), """
            #pragma warning restore CS0612, CS0618, OLD001, OLD002, EXP001
            namespace App
            {
                public static class Caller
                {
                    public static void Call(TestApp.Mediator typed)
                    {

            """ + string.Join("\n", calls.Select(c => "            _ = " + c + ";")) + """

                    }
                }
            }
            """);
        var run = GeneratorRun.For(source);

        var text = run.Input.SyntaxTrees.Single().GetText();
        var reported = run.Output.GetDiagnostics()
            .Where(d => d.Id == id && d.Location.SourceTree is { } tree && !run.Result.GeneratedTrees.Contains(tree))
            .Select(d => text.Lines.GetLineFromPosition(d.Location.SourceSpan.Start).ToString().Trim())
            .ToList();
        Assert.Equal(calls.Select(c => "_ = " + c + ";").OrderBy(c => c, StringComparer.Ordinal), reported.OrderBy(c => c, StringComparer.Ordinal));
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    [Theory]
    [InlineData("PingHandler", "Ping")]
    [InlineData("RequestWrap", "Ping")]
    [InlineData("NoteWrap", "Noted")]
    public void Near_miss_a_call_of_a_message_whose_handler_or_middleware_alone_is_marked_reports_nothing(string element, string message)
    {
        // The handler and the middleware are how the mediator answers, not what the caller names: the caller is not warned.
        var run = GeneratorRun.For(App(Attributes(element, "obsolete error")));
        var typed = run.Output.GetSymbolsWithName("Mediator", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single(t => t.ContainingNamespace.Name == "TestApp");

        var overload = typed.GetMembers().OfType<IMethodSymbol>().Single(m => m.Parameters.Length == 2 && m.Parameters[0].Type.Name == message);
        Assert.DoesNotContain(overload.GetAttributes(), a => a.AttributeClass!.Name is "ObsoleteAttribute" or "ExperimentalAttribute");
        Assert.Empty(ErrorsWithWarningsAsErrors(run));
    }

    [Fact]
    public async Task An_obsolete_Handle_or_InvokeAsync_method_that_the_pipeline_calls_directly_builds_and_runs()
    {
        // A handler that is not sealed is called through its own public Handle, and a middleware through its own
        // InvokeAsync: marking those methods obsolete (error) must not fail the generated call.
        var run = GeneratorRun.For(Sources.Usings + """
            using Microsoft.Extensions.DependencyInjection;
            namespace App
            {
                public sealed class Ping : IRequest<int> { }

                [Handler]
                public class PingHandler : IRequestHandler<Ping, int>
                {
                    [System.Obsolete("call through the mediator", true)]
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(42);
                }

                [Middleware(Order = 1)]
                public sealed class Wrap<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                    where TRequest : IRequest<TResponse>
                {
                    [System.Obsolete("called by the pipeline only", true)]
                    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
                }

                public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        using var provider = services.BuildServiceProvider();
                        IMediator mediator = provider.GetRequiredService<TestApp.Mediator>();
                        return (await provider.GetRequiredService<TestApp.Mediator>().Send(new Ping())) + " " + await mediator.Send(new Ping());
                    }
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal("42 42", await CompiledApp.RunAsync(WithWarningsAsErrors(run)));
    }

    [Fact]
    public void Generated_code_for_obsolete_and_experimental_types_compiles_at_CSharp_8()
    {
        var run = GeneratorRun.At(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp8, """
            #pragma warning disable EXP001
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            namespace App
            {
                [System.Obsolete("old", true)] public sealed class Ping : IRequest<int> { }
                [System.Obsolete("old", true)] public sealed class Noted : INotification { }
                [System.Diagnostics.CodeAnalysis.Experimental("EXP001")] public sealed class Count : IStreamRequest<int> { }

                [Handler, System.Obsolete("uses old")]
                public sealed class Handlers : IRequestHandler<Ping, int>, INotificationHandler<Noted>, IStreamRequestHandler<Count, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new ValueTask<int>(1);
                    public ValueTask Handle(Noted notification, CancellationToken cancellationToken) => default;
                    public async IAsyncEnumerable<int> Handle(Count request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) { yield return 1; await Task.Yield(); }
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(ErrorsWithWarningsAsErrors(run));
    }

    [Fact]
    public void The_user_s_own_use_of_a_marked_type_still_reports()
    {
        // The generated files' suppressions are theirs alone: the program's own code still gets the compiler's diagnostic.
        var run = GeneratorRun.For(
            App(Attributes("PingHandler", "experimental")),
            "namespace App { public static class Elsewhere { public static object Make() => new PingHandler(); } }");

        var reported = Assert.Single(run.Output.GetDiagnostics(), d => d.Id == "EXP001");
        Assert.Equal("/src/File1.cs", reported.Location.SourceTree!.FilePath);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }
}
