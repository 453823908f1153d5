using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Names the generator writes that cannot collide by construction: keywords are escaped, pipeline classes and the
/// mediator's own members never share a name, and generated code never uses a simple name (<c>var</c>, <c>_</c>) that
/// a user type could capture. The properties that rename the mediator are validated (MED0036) instead of producing
/// code that does not compile.
/// </summary>
public sealed class GeneratedNameTests
{
    /// <summary>A request, a void request, a notification and a stream in namespace App, each dispatched typed and through <c>IMediator</c>.</summary>
    private static string AllKindsApp(string mediator, string register = "AddMediator") => Sources.Usings + $$"""
        using System.Collections.Generic;
        using Microsoft.Extensions.DependencyInjection;
        namespace App
        {
            public sealed class Ping : IRequest<int> { }
            public sealed class Forget : IRequest { }
            public sealed class Noted : INotification { }
            public sealed class Count : IStreamRequest<int> { }
            [Handler]
            public sealed class Handlers : IRequestHandler<Ping, int>, IRequestHandler<Forget>, INotificationHandler<Noted>, IStreamRequestHandler<Count, int>
            {
                public static int Seen;
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(42);
                public ValueTask Handle(Forget request, CancellationToken cancellationToken) { Seen++; return default; }
                public ValueTask Handle(Noted notification, CancellationToken cancellationToken) { Seen += 10; return default; }
                public async IAsyncEnumerable<int> Handle(Count request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) { yield return 1; yield return 2; await Task.CompletedTask; }
            }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.{{register}}();
                    using var provider = services.BuildServiceProvider();
                    var typed = provider.GetRequiredService<{{mediator}}>();
                    IMediator general = typed;
                    var items = new List<int>();
                    await foreach (var item in typed.CreateStream(new Count())) items.Add(item);
                    await foreach (var item in general.CreateStream(new Count())) items.Add(item);
                    await typed.Send(new Forget());
                    await general.Send(new Forget());
                    await typed.Publish(new Noted());
                    await general.Publish(new Noted());
                    return await typed.Send(new Ping()) + " " + await general.Send(new Ping()) + " " + string.Join(",", items) + " " + Handlers.Seen;
                }
            }
        }
        """;

    private const string AllKindsOutput = "42 42 1,2,1,2 22";

    [Theory]
    [InlineData("Contoso.event", "Contoso.@event.Mediator")]
    [InlineData("class.int.record", "@class.@int.record.Mediator")]
    [InlineData("My-App.2nd", "My_App._2nd.Mediator")]
    public async Task A_root_namespace_with_keywords_or_invalid_characters_is_escaped(string rootNamespace, string mediator)
    {
        var run = GeneratorRun.For(new[] { AllKindsApp(mediator) }, Array.Empty<MetadataReference>(), rootNamespace);

        SnapshotTests.AssertClean(run);
        Assert.Equal(AllKindsOutput, await CompiledApp.RunAsync(run));
    }

    [Theory]
    [InlineData("class", "TestApp.@class", "Addclass")]
    [InlineData("mediator", "TestApp.@mediator", "Addmediator")]
    [InlineData("record", "TestApp.@record", "Addrecord")]
    [InlineData("@event", "TestApp.@event", "Addevent")]
    [InlineData("Médiateur", "TestApp.Médiateur", "AddMédiateur")]
    public async Task A_class_name_that_is_a_keyword_or_all_lower_case_is_escaped(string className, string mediator, string register)
    {
        // Lower-case type names warn CS8981 and 'record' is an error as a type name, unless written with '@'.
        var run = GeneratorRun.WithProperties(new Dictionary<string, string> { ["MediatorClassName"] = className }, new[] { AllKindsApp(mediator, register) });

        SnapshotTests.AssertClean(run);
        Assert.Equal(AllKindsOutput, await CompiledApp.RunAsync(run));
    }

    [Theory]
    [InlineData("MediatorClassName", "1Mediator", "it is not a C# identifier")]
    [InlineData("MediatorClassName", "My Mediator", "it is not a C# identifier")]
    [InlineData("MediatorClassName", "Send", "the generated class has a member of that name")]
    [InlineData("MediatorClassName", "PipelineCache", "the generated class has a member of that name")]
    [InlineData("MediatorClassName", "TResponse", "the generated class has a member of that name")]
    [InlineData("MediatorClassName", "OrderPipeline", "names ending in 'Pipeline' (and a number)")]
    [InlineData("MediatorClassName", "OrderPipeline2", "names ending in 'Pipeline' (and a number)")]
    [InlineData("MediatorNamespace", "App..Core", "'' is not a C# identifier")]
    [InlineData("MediatorNamespace", "global::App", "'global::App' is not a C# identifier")]
    [InlineData("MediatorNamespace", "App.1st", "'1st' is not a C# identifier")]
    public void An_invalid_name_property_is_reported_and_nothing_is_generated(string property, string value, string reason)
    {
        var run = GeneratorRun.WithProperties(new Dictionary<string, string> { [property] = value }, new[] { AllKindsApp("TestApp.Mediator") });

        var invalid = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0036", invalid.Id);
        Assert.Equal(DiagnosticSeverity.Error, invalid.Severity);
        Assert.Equal(Location.None, invalid.Location);
        Assert.Contains($"<{property}>{value}</{property}> cannot name the generated mediator", invalid.GetMessage());
        Assert.Contains(reason, invalid.GetMessage());
        Assert.Empty(run.GeneratedSources);
    }

    [Theory]
    [InlineData("MediatorClassName", "")]
    [InlineData("MediatorClassName", "  ")]
    [InlineData("MediatorNamespace", "")]
    public async Task Near_miss_an_empty_property_means_the_default(string property, string value)
    {
        var run = GeneratorRun.WithProperties(new Dictionary<string, string> { [property] = value }, new[] { AllKindsApp("TestApp.Mediator") });

        SnapshotTests.AssertClean(run);
        Assert.Equal(AllKindsOutput, await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task Pipelines_of_different_kinds_whose_names_would_coincide_get_distinct_classes()
    {
        // The request PingStream's pipeline and the stream Ping's pipeline were both PingStreamPipeline (CS0102); likewise
        // the request PingNotification and the notification Ping.
        var run = GeneratorRun.For(Sources.Usings + """
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            namespace App
            {
                public sealed class PingStream : IRequest<int> { }
                public sealed class Ping : IStreamRequest<int>, INotification { }
                public sealed class PingNotification : IRequest<int> { }
                [Handler]
                public sealed class Handlers : IRequestHandler<PingStream, int>, IStreamRequestHandler<Ping, int>, IRequestHandler<PingNotification, int>
                {
                    public static int Published;
                    public ValueTask<int> Handle(PingStream request, CancellationToken cancellationToken) => new(1);
                    public ValueTask<int> Handle(PingNotification request, CancellationToken cancellationToken) => new(2);
                    public async IAsyncEnumerable<int> Handle(Ping request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken) { yield return 3; await Task.CompletedTask; }
                }
                [Handler]
                public sealed class PingNoted : INotificationHandler<Ping>
                {
                    public ValueTask Handle(Ping notification, CancellationToken cancellationToken) { Handlers.Published++; return default; }
                }
                public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        using var provider = services.BuildServiceProvider();
                        var mediator = provider.GetRequiredService<TestApp.Mediator>();
                        var items = new List<int>();
                        await foreach (var item in mediator.CreateStream(new Ping())) items.Add(item);
                        await mediator.Publish(new Ping());
                        return await mediator.Send(new PingStream()) + " " + await mediator.Send(new PingNotification()) + " " + string.Join(",", items) + " " + Handlers.Published;
                    }
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Equal("1 2 3 1", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task Near_miss_messages_named_like_the_mediator_or_its_members_get_pipelines_of_their_own()
    {
        // Outside the mediator's namespace these are ordinary names: their pipeline classes end in 'Pipeline'
        // (MediatorPipeline, SendPipeline, PipelineCachePipeline), never a member's name.
        var names = new[] { "Mediator", "Send", "Publish", "CreateStream", "PipelineCache", "Resolve", "ThrowRequestNull", "RequestTypes", "Next0", "TResponse" };
        var run = GeneratorRun.For(Sources.Usings + "using Microsoft.Extensions.DependencyInjection;\nnamespace App\n{\n"
            + string.Concat(names.Select((n, i) => $$"""
                public sealed class {{n}} : IRequest<int> { }
                [Handler] public sealed class {{n}}Handler : IRequestHandler<{{n}}, int> { public ValueTask<int> Handle({{n}} request, CancellationToken cancellationToken) => new({{i}}); }

                """))
            + """
                public static class Entry
                {
                    public static async Task<string> Run()
                    {
                        var services = new ServiceCollection();
                        services.AddMediator();
                        using var provider = services.BuildServiceProvider();
                        var typed = provider.GetRequiredService<TestApp.Mediator>();
                        IMediator general = typed;
                        var total = 0;

                """
            + string.Concat(names.Select(n => $"            total += await typed.Send(new App.{n}()) + await general.Send(new App.{n}());\n"))
            + """
                        return total.ToString();
                    }
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.PipelineCachePipeline.g.cs");
        Assert.Equal("90", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public void Pipelines_whose_names_differ_only_in_case_get_distinct_cache_fields()
    {
        // Two pipelines 'pingPipeline' and 'PingPipeline' had the same file name but for case, which Roslyn refuses: the
        // generator failed as a whole (CS8785, a warning, and then nothing generated). Their cache fields were both
        // '_pingPipeline' too.
        var run = GeneratorRun.For(Sources.Usings + """
            namespace A { public sealed class ping : IRequest<int> { } }
            namespace B { public sealed class Ping : IRequest<int> { } }
            namespace App
            {
                [Handler]
                public sealed class Handlers : IRequestHandler<A.ping, int>, IRequestHandler<B.Ping, int>
                {
                    public ValueTask<int> Handle(A.ping request, CancellationToken cancellationToken) => new(1);
                    public ValueTask<int> Handle(B.Ping request, CancellationToken cancellationToken) => new(2);
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    [Fact]
    public void Dispatch_helpers_never_share_a_name_with_a_pipeline_class()
    {
        // Above the chain limit the generic Send reaches each pipeline through a helper. It was named
        // 'SendThrough' + the pipeline class, which is the pipeline class of a request named 'SendThroughPing' (CS0102).
        var run = GeneratorRun.For(
            Sources.Numbered("App", "Bulk", 9),
            Sources.Usings + """
                namespace App
                {
                    public sealed class Ping : IRequest<int> { }
                    public sealed class SendThroughPing : IRequest<int> { }
                    public sealed class Noted : INotification { }
                    public sealed class PublishThroughNotedNotification : IRequest<int> { }
                    [Handler]
                    public sealed class Handlers : IRequestHandler<Ping, int>, IRequestHandler<SendThroughPing, int>, INotificationHandler<Noted>, IRequestHandler<PublishThroughNotedNotification, int>
                    {
                        public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                        public ValueTask<int> Handle(SendThroughPing request, CancellationToken cancellationToken) => new(2);
                        public ValueTask<int> Handle(PublishThroughNotedNotification request, CancellationToken cancellationToken) => new(3);
                        public ValueTask Handle(Noted notification, CancellationToken cancellationToken) => default;
                    }
                }
                """);

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    [Fact]
    public async Task User_types_named_var_underscore_and_nameof_capture_nothing_in_generated_code()
    {
        // 'var task = ...' bound 'var' to a user type (CS0029), and '_ = task.Result' bound '_' to one (CS0118). A
        // 'global using static' reaches generated files too: its method 'nameof' would have turned nameof(x) into a call.
        var run = GeneratorRun.For(
            AllKindsApp("TestApp.Mediator"),
            ShadowingTypes("TestApp"),
            "global using static App.Shadow;\nnamespace App { public static class Shadow { public static int nameof(object value) => 0; } }",
            Sources.Usings + """
                namespace App
                {
                    [Middleware(Order = 1)]
                    public sealed class Wrap<TMessage, TResult> : IMiddleware<TMessage, TResult>
                    {
                        public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                            where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
                    }
                }
                """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Assert.Equal(AllKindsOutput, await CompiledApp.RunAsync(run));
    }

    /// <summary>
    /// Types in <paramref name="ns"/> named like the simple names generated code uses. In the mediator's namespace they are
    /// found before anything outside it, as a global type would be, without breaking the test's own code in namespace App.
    /// </summary>
    private static string ShadowingTypes(string ns) => "namespace " + ns + " { "
        + string.Join(" ", new[] { "var", "_", "nameof", "Unit", "Type", "Task", "ValueTask", "Exception", "TypeIndex", "Unsafe", "IServiceProvider", "System", "Microsoft", "services", "request", "notification", "context", "task", "type", "failure", "failures", "exception", "sp", "T", "TMode", "TResponse", "TNotification", "TItem" }
            .Select(n => "public class " + n + " { }"))
        + " }";

    /// <summary>
    /// A name reached through <c>global::</c> or after a dot: it cannot meet the class's name, which is only ever looked up
    /// as a simple name.
    /// </summary>
    private static bool IsQualified(SyntaxToken token)
        => token.Parent?.Parent is MemberAccessExpressionSyntax access && access.Name == token.Parent
            || token.Parent?.Ancestors().TakeWhile(a => a is NameSyntax).Any(a => a is AliasQualifiedNameSyntax or QualifiedNameSyntax) == true;

    /// <summary>
    /// Every simple name that appears in the generated code of a project with every kind of pipeline, a middleware and
    /// both ways of generic dispatch (chains of type tests, and tables above eight types): as <c>MediatorClassName</c>,
    /// each either is refused (MED0036, or MED0035 for a clash with a declaration) or builds without a warning in
    /// generated code. This is what proves the list of reserved names complete. Names are tried on the small project,
    /// and only those that appear in the large one alone are tried there, which keeps the test to a few seconds.
    /// </summary>
    [Fact]
    public void Every_identifier_of_generated_code_as_the_class_name_is_refused_or_builds()
    {
        var middleware = Sources.Usings + """
            namespace App
            {
                [Middleware(Order = 1)]
                public sealed class Wrap<TMessage, TResult> : IMiddleware<TMessage, TResult>
                {
                    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                        where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
                }
            }
            """;
        var small = new[] { AllKindsApp("TestApp.Mediator"), middleware };
        var large = new[] { AllKindsApp("TestApp.Mediator"), middleware, Sources.Numbered("App", "Bulk", 9) };
        var smallNames = SimpleNames(small);
        var largeNames = SimpleNames(large).Except(smallNames).ToList();

        var failures = smallNames.Select(n => Problem(n, small)).Concat(largeNames.Select(n => Problem(n, large))).OfType<string>().ToList();

        Assert.Empty(failures);
        Assert.True(smallNames.Count > 50, smallNames.Count + " names");
        Assert.Contains("RequestTypes", largeNames);
    }

    /// <summary>The distinct simple names of the code generated for <paramref name="sources"/>, which must build cleanly.</summary>
    private static List<string> SimpleNames(string[] sources)
    {
        var baseline = GeneratorRun.For(sources);
        SnapshotTests.AssertClean(baseline);
        return baseline.Result.GeneratedTrees
            .SelectMany(t => t.GetRoot().DescendantTokens())
            .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && !IsQualified(t))
            .Select(t => t.ValueText)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Null when <paramref name="name"/> as the class name is refused or builds cleanly; else the first problem.</summary>
    private static string? Problem(string name, string[] sources)
    {
        var run = GeneratorRun.WithProperties(new Dictionary<string, string> { ["MediatorClassName"] = name }, sources);
        if (run.GeneratorDiagnostics.Any(d => d.Id is "MED0035" or "MED0036"))
        {
            return null;
        }

        // Only the generated files are bound: the user's code is the same for every name.
        var problem = run.GeneratorDiagnostics
            .Concat(run.Result.GeneratedTrees.SelectMany(t => run.Output.GetSemanticModel(t).GetDiagnostics()))
            .FirstOrDefault(d => d.Severity >= DiagnosticSeverity.Warning);
        return problem is null ? null : name + ": " + problem;
    }
}
