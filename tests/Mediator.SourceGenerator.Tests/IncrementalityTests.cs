using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The generator re-runs on every keystroke in an IDE: edits that cannot change the output must leave the
/// planning and emitting steps cached, and a new handler must change only what it adds.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Handler = Sources.Usings + """
        namespace App;
        public sealed class Ping : IRequest<int> { }
        [Handler]
        public sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
            {
                return new(1);
            }
        }
        """;

    private static readonly string Middleware = Sources.Middleware("Logging", 1);

    [Fact]
    public void Editing_a_method_body_leaves_every_output_cached()
    {
        var (first, second) = RunTwice(
            new[] { Handler, Middleware },
            compilation => Replace(compilation, 0, Handler.Replace("return new(1);", "var answer = 40 + 2;\n        return new(answer);")));

        AssertStepsUnchanged(second, TrackingNames.HandlerSpecs, TrackingNames.MiddlewareSpecs, TrackingNames.Plan, TrackingNames.Pipelines);
        AssertSourceOutputsUnchanged(second);
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void Adding_an_unrelated_class_leaves_every_output_cached()
    {
        var (first, second) = RunTwice(
            new[] { Handler, Middleware },
            compilation => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "namespace App; public sealed class Unrelated : System.IDisposable { public void Dispose() { } }",
                GeneratorRun.ParseOptions,
                path: "/src/Unrelated.cs")));

        // The name checks run again (declarations changed) and find the same: nothing after them runs.
        AssertStepsUnchanged(second, TrackingNames.HandlerSpecs, TrackingNames.MiddlewareSpecs, TrackingNames.Plan, TrackingNames.Pipelines, TrackingNames.NameCheck, TrackingNames.Options);
        AssertSourceOutputsUnchanged(second);
        Assert.Equal(Texts(first), Texts(second));
    }

    [Fact]
    public void Adding_a_handler_adds_its_pipeline_and_leaves_the_others_cached()
    {
        var (_, second) = RunTwice(
            new[] { Handler, Middleware },
            compilation => compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                Sources.Usings + """
                    namespace App;
                    public sealed class Pong : IRequest<string> { }
                    [Handler]
                    public sealed class PongHandler : IRequestHandler<Pong, string>
                    {
                        public ValueTask<string> Handle(Pong request, CancellationToken cancellationToken) => new("pong");
                    }
                    """,
                GeneratorRun.ParseOptions,
                path: "/src/Pong.cs")));

        var result = second.Result.Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Plan].Single().Outputs.Single().Reason);
        var pipelines = result.TrackedSteps[TrackingNames.Pipelines].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(pipelines, o => o.Reason == IncrementalStepRunReason.New && ((Model.PipelinePlan)o.Value).Shape.ClassName == "PongPipeline");
        Assert.Contains(pipelines, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged && ((Model.PipelinePlan)o.Value).Shape.ClassName == "PingPipeline");
        Assert.Contains(second.GeneratedSources, s => s.HintName == "Mediator.PongPipeline.g.cs");
    }

    [Fact]
    public void Editing_a_method_body_does_not_parse_the_declarations_again()
    {
        var (_, second) = RunTwice(
            new[] { Handler, Middleware },
            compilation => Replace(compilation, 0, Handler.Replace("return new(1);", "var answer = 40 + 2;\n        return new(answer);")));

        // The compilation compares equal to the one last parsed (same declarations), so the scan did not run again.
        AssertStepsUnchanged(second, TrackingNames.Declarations, TrackingNames.Discoveries, TrackingNames.UsedMiddlewares, TrackingNames.Options, TrackingNames.Names, TrackingNames.NameCheck);
        Assert.All(
            second.Result.Results.Single().TrackedSteps[TrackingNames.Discoveries].SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_declaration_change_in_another_file_reaches_the_pipelines()
    {
        // The request, its handler and a group middleware in three files: the request joining the group changes the
        // handler's pipeline although neither the handler's file nor the middleware's file changed.
        const string Request = Sources.Usings + "namespace App;\npublic interface IAudited { }\npublic sealed class Ping : IRequest<int> { }\n";
        const string PingHandler = Sources.Usings + """
            namespace App;
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """;
        var audit = Sources.Middleware("Audit", 1, "where TRequest : IRequest<TResponse>, IAudited");
        var (first, second) = RunTwice(
            new[] { Request, PingHandler, audit },
            compilation => Replace(compilation, 0, Request.Replace("IRequest<int> { }", "IRequest<int>, IAudited { }")));

        var before = first.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text;
        var after = second.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text;
        Assert.DoesNotContain("global::App.Audit<", before);
        Assert.Contains("global::App.Audit<", after);
        Assert.Empty(second.CompilationErrors);
    }

    private const string PongHandler = Sources.Usings + """
        namespace App;
        public sealed class Pong : IRequest<string> { }
        [Handler]
        public sealed class PongHandler : IRequestHandler<Pong, string>
        {
            public ValueTask<string> Handle(Pong request, CancellationToken cancellationToken) => new("pong");
        }
        """;

    [Fact]
    public void A_declaration_edit_scans_only_the_edited_file_and_leaves_the_others_cached()
    {
        // A property typed into Ping: its file is scanned again, Pong's file and the middleware's (which name nothing
        // Ping's file declares) keep their scans.
        var edited = Handler.Replace("public sealed class Ping : IRequest<int> { }", "public sealed class Ping : IRequest<int> { public int Id { get; init; } }");
        var (_, second) = RunTwice(new[] { Handler, PongHandler, Middleware }, compilation => Replace(compilation, 0, edited));

        var scans = second.Result.Results.Single().TrackedSteps[TrackingNames.FileDiscoveries];
        Assert.Equal(3, scans.Length);
        Assert.All(scans[0].Outputs, o => Assert.NotEqual(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(scans.Skip(1).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        // Nothing the plan reads changed (only the handler's position moved): the plan and every file stay as they were.
        AssertStepsUnchanged(second, TrackingNames.HandlerSpecs, TrackingNames.Plan, TrackingNames.Pipelines, TrackingNames.PipelineFiles);
        AssertSourceOutputsUnchanged(second);
        AssertSameAsFirstRun(second);
    }

    [Fact]
    public void A_file_that_names_an_edited_declaration_is_scanned_again()
    {
        // PingHandler's file names Ping, declared in the edited file: its scan cannot be reused.
        const string Request = Sources.Usings + "namespace App;\npublic sealed class Ping : IRequest<int> { }\n";
        const string PingHandler = Sources.Usings + """
            namespace App;
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """;
        var (_, second) = RunTwice(
            new[] { Request, PingHandler, PongHandler },
            compilation => Replace(compilation, 0, Request.Replace("{ }", "{ public int Id { get; init; } }")));

        var scans = second.Result.Results.Single().TrackedSteps[TrackingNames.FileDiscoveries];
        Assert.All(scans[0].Outputs.Concat(scans[1].Outputs), o => Assert.NotEqual(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(scans[2].Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        AssertSameAsFirstRun(second);
    }

    /// <summary>Each case: its name, the files before, the files after (each changed file replaced), and every edit changes the output.</summary>
    public static TheoryData<string, string[], string[]> CrossFileEdits => new()
    {
        {
            // The request's base class, two files away, joins the group a middleware is constrained to.
            "base class gains an interface",
            new[]
            {
                Sources.Usings + "namespace App;\npublic interface IAudited { }\npublic abstract class Command { }\n",
                Sources.Usings + "namespace App;\npublic sealed class Ping : Command, IRequest<int> { }\n",
                Sources.Usings + PingHandlerText,
                Sources.Middleware("Audit", 1, "where TRequest : IRequest<TResponse>, IAudited"),
            },
            new[]
            {
                Sources.Usings + "namespace App;\npublic interface IAudited { }\npublic abstract class Command : IAudited { }\n",
                Sources.Usings + "namespace App;\npublic sealed class Ping : Command, IRequest<int> { }\n",
                Sources.Usings + PingHandlerText,
                Sources.Middleware("Audit", 1, "where TRequest : IRequest<TResponse>, IAudited"),
            }
        },
        {
            // A partial handler: the other part, in another file, comes to handle a second request.
            "partial handler's other part",
            new[]
            {
                Sources.Usings + "namespace App;\npublic sealed class Ping : IRequest<int> { }\npublic sealed class Pong : IRequest<int> { }\n",
                Sources.Usings + "namespace App;\n[Handler]\npublic sealed partial class Handlers : IRequestHandler<Ping, int>\n{\n    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);\n}\n",
                Sources.Usings + "namespace App;\npublic sealed partial class Handlers\n{\n}\n",
            },
            new[]
            {
                Sources.Usings + "namespace App;\npublic sealed class Ping : IRequest<int> { }\npublic sealed class Pong : IRequest<int> { }\n",
                Sources.Usings + "namespace App;\n[Handler]\npublic sealed partial class Handlers : IRequestHandler<Ping, int>\n{\n    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);\n}\n",
                Sources.Usings + "namespace App;\npublic sealed partial class Handlers : IRequestHandler<Pong, int>\n{\n    public ValueTask<int> Handle(Pong request, CancellationToken cancellationToken) => new(2);\n}\n",
            }
        },
        {
            // The request moves to a file the handler's file never named, and joins a middleware's group there.
            "request moved to another file",
            new[]
            {
                Sources.Usings + "namespace App;\npublic interface IAudited { }\npublic sealed class Ping : IRequest<int> { }\n",
                Sources.Usings + PingHandlerText,
                Sources.Middleware("Audit", 1, "where TRequest : IRequest<TResponse>, IAudited"),
                Sources.Usings + "namespace App;\npublic sealed class Other { }\n",
            },
            new[]
            {
                Sources.Usings + "namespace App;\npublic interface IAudited { }\n",
                Sources.Usings + PingHandlerText,
                Sources.Middleware("Audit", 1, "where TRequest : IRequest<TResponse>, IAudited"),
                Sources.Usings + "namespace App;\npublic sealed class Other { }\npublic sealed class Ping : IRequest<int>, IAudited { }\n",
            }
        },
        {
            // A global using alias, in a file of its own, comes to mean another request in the handler's file.
            "global using alias retargeted",
            new[]
            {
                Sources.Usings + "namespace App;\npublic sealed class Ping : IRequest<int> { }\npublic sealed class Pong : IRequest<int> { }\n",
                "global using Message = App.Ping;\n",
                Sources.Usings + "namespace App;\n[Handler]\npublic sealed class Handles : IRequestHandler<Message, int>\n{\n    public ValueTask<int> Handle(Message request, CancellationToken cancellationToken) => new(1);\n}\n",
            },
            new[]
            {
                Sources.Usings + "namespace App;\npublic sealed class Ping : IRequest<int> { }\npublic sealed class Pong : IRequest<int> { }\n",
                "global using Message = App.Pong;\n",
                Sources.Usings + "namespace App;\n[Handler]\npublic sealed class Handles : IRequestHandler<Message, int>\n{\n    public ValueTask<int> Handle(Message request, CancellationToken cancellationToken) => new(1);\n}\n",
            }
        },
    };

    private const string PingHandlerText = "namespace App;\n[Handler]\npublic sealed class PingHandler : IRequestHandler<Ping, int>\n{\n    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);\n}\n";

    [Theory]
    [MemberData(nameof(CrossFileEdits))]
    public void A_declaration_edit_in_another_file_gives_what_a_first_run_gives(string edit, string[] before, string[] after)
    {
        var (first, second) = RunTwice(
            before,
            compilation =>
            {
                for (var i = 0; i < before.Length; i++)
                {
                    compilation = before[i] == after[i] ? compilation : Replace(compilation, i, after[i]);
                }

                return compilation;
            });

        // The case is worth having only if the edit changes what a new driver writes; then the driver that kept the
        // other files' scans must write the same. (Compared with the new driver, not with the second run: a stale scan
        // leaves the second run equal to the first, which this test is here to catch.)
        var fresh = GeneratorRun.Run(GeneratorRun.CreateDriver(), second.Input);
        Assert.False(Texts(first).SequenceEqual(Texts(fresh)), edit + ": the edit should change the output");
        AssertSameAsFirstRun(second);
    }

    [Fact]
    public void A_diagnostic_keeps_its_place_when_a_method_body_above_it_grows()
    {
        // MED0001 on Orphan, below a handler whose body gains lines: the stored position comes from the compilation
        // parsed before the edit, and must be carried to the same name in the edited file.
        const string Source = Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    return new(1);
                }
            }
            public sealed record Orphan(int Id) : IRequest<string>;
            """;
        var edited = Source.Replace("return new(1);", "var a = 1;\n        var b = 2;\n        // longer\n        return new(a + b);");
        var (first, second) = RunTwice(new[] { Source }, compilation => Replace(compilation, 0, edited));

        AssertStepsUnchanged(second, TrackingNames.Discoveries);
        var diagnostic = Assert.Single(second.GeneratorDiagnostics, d => d.Id == "MED0001");
        Assert.Same(second.Input.SyntaxTrees.Single(), diagnostic.Location.SourceTree);
        Assert.Equal("Orphan", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(edited.Split('\n').ToList().FindIndex(l => l.Contains("record Orphan")), diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.NotEqual(
            Assert.Single(first.GeneratorDiagnostics, d => d.Id == "MED0001").Location.SourceSpan,
            diagnostic.Location.SourceSpan);
    }

    private const string PublishAndStream = Sources.Usings + """
        using System.Collections.Generic;
        namespace App;
        public interface IOrderEvent : INotification { }
        public sealed record OrderPlaced(int Id) : IOrderEvent;
        public sealed record CountTo(int N) : IStreamRequest<int>;
        [Handler]
        public sealed class Handlers : INotificationHandler<IOrderEvent>, IStreamRequestHandler<CountTo, int>
        {
            public ValueTask Handle(IOrderEvent notification, CancellationToken cancellationToken)
            {
                return default;
            }

            public async IAsyncEnumerable<int> Handle(CountTo request, CancellationToken cancellationToken)
            {
                await Task.Yield();
                yield return 1;
            }
        }
        """;

    [Fact]
    public void Editing_a_method_body_leaves_notification_and_stream_outputs_cached()
    {
        var (first, second) = RunTwice(
            new[] { PublishAndStream },
            compilation => Replace(compilation, 0, PublishAndStream.Replace("return default;", "var unused = 1;\n        return default;")));

        AssertStepsUnchanged(
            second,
            TrackingNames.HandlerSpecs,
            TrackingNames.DeclaredNotifications,
            TrackingNames.Plan,
            TrackingNames.NotificationPipelines,
            TrackingNames.StreamPipelines);
        AssertSourceOutputsUnchanged(second);
        Assert.Equal(Texts(first), Texts(second));
        Assert.Contains(second.GeneratedSources, s => s.HintName == "Mediator.OrderPlacedNotificationPipeline.g.cs");
        Assert.Contains(second.GeneratedSources, s => s.HintName == "Mediator.CountToStreamPipeline.g.cs");
    }

    private const string HandlerMiddleware = Sources.Usings + """
        namespace App;
        public sealed record Shipped(int Id) : INotification;
        [Handler]
        [UseMiddleware(typeof(Retry<,>), Order = 2)]
        public sealed class Stock : INotificationHandler<Shipped>, IRequestHandler<Ping, int>
        {
            public ValueTask Handle(Shipped notification, CancellationToken cancellationToken)
            {
                return default;
            }

            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        [Handler]
        public sealed class Email : INotificationHandler<Shipped>
        {
            public ValueTask Handle(Shipped notification, CancellationToken cancellationToken) => default;
        }
        public sealed class Ping : IRequest<int> { }
        """;

    private const string ExplicitRetry = Sources.Usings + """
        namespace App;
        [Middleware(Explicit = true, Order = 1)]
        public sealed class Retry<TMessage, TResult> : IMiddleware<TMessage, TResult>
        {
            public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
        }
        """;

    [Fact]
    public void Editing_a_method_body_leaves_every_output_cached_with_handler_middleware()
    {
        var (first, second) = RunTwice(
            new[] { HandlerMiddleware, ExplicitRetry },
            compilation => Replace(compilation, 0, HandlerMiddleware.Replace("return default;", "var unused = 1;\n        return default;")));

        AssertStepsUnchanged(
            second,
            TrackingNames.HandlerSpecs,
            TrackingNames.MiddlewareSpecs,
            TrackingNames.Plan,
            TrackingNames.Pipelines,
            TrackingNames.NotificationPipelines);
        AssertSourceOutputsUnchanged(second);
        Assert.Equal(Texts(first), Texts(second));
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (handler, order 2) -> App.Stock.", first.GeneratedSources.Single(s => s.HintName == "Mediator.ShippedNotificationPipeline.g.cs").Text);
    }

    [Fact]
    public void Changing_the_named_middleware_in_its_own_file_reaches_the_handlers_pipelines()
    {
        var (_, second) = RunTwice(
            new[] { HandlerMiddleware, ExplicitRetry },
            compilation => Replace(compilation, 1, ExplicitRetry.Replace("[Middleware(Explicit = true, Order = 1)]", "[Middleware(Explicit = true, Order = 1, Concern = \"Retrying\")]")));

        var result = second.Result.Results.Single();
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.Plan].Single().Outputs.Single().Reason);
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (handler, order 2, concern Retrying) -> App.Stock.", second.GeneratedSources.Single(s => s.HintName == "Mediator.ShippedNotificationPipeline.g.cs").Text);
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (handler, order 2, concern Retrying) -> App.Stock.", second.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text);
    }

    private static (GeneratorRun First, GeneratorRun Second) RunTwice(string[] sources, Func<Compilation, Compilation> edit)
    {
        var compilation = GeneratorRun.CreateCompilation(sources);
        var first = GeneratorRun.Run(GeneratorRun.CreateDriver(), compilation);
        var second = GeneratorRun.Run(first.Driver, edit(compilation));
        return (first, second);
    }

    private static Compilation Replace(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorRun.ParseOptions, path: old.FilePath));
    }

    private static void AssertStepsUnchanged(GeneratorRun run, params string[] steps)
    {
        var tracked = run.Result.Results.Single().TrackedSteps;
        foreach (var step in steps)
        {
            Assert.True(tracked.ContainsKey(step), $"Step '{step}' did not run at all.");
            foreach (var output in tracked[step].SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{step}' produced a {output.Reason} output: {output.Value}");
            }
        }
    }

    private static void AssertSourceOutputsUnchanged(GeneratorRun run)
    {
        var sourceOutputs = run.Result.Results.Single().TrackedOutputSteps["SourceOutput"];
        var reasons = sourceOutputs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"A source output ran again: {r}"));
    }

    private static List<string> Texts(GeneratorRun run) => run.GeneratedSources.Select(s => s.Text).ToList();

    /// <summary>The incremental run produced what a new driver produces for the same compilation: files and diagnostics.</summary>
    private static void AssertSameAsFirstRun(GeneratorRun run)
    {
        var fresh = GeneratorRun.Run(GeneratorRun.CreateDriver(), run.Input);
        Assert.Equal(fresh.GeneratedSources, run.GeneratedSources);
        Assert.Equal(Described(fresh.GeneratorDiagnostics), Described(run.GeneratorDiagnostics));
    }

    private static List<string> Described(IEnumerable<Diagnostic> diagnostics)
        => diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(d => d, StringComparer.Ordinal).ToList();
}
