using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Interceptor.Tests;

public sealed class InterceptorTests
{
    [Fact]
    public async Task Intercepted_and_unbound_calls_behave_the_same()
    {
        var intercepted = InterceptorRun.For(intercept: true, Sample.Messages, Sample.Entry);
        var unbound = InterceptorRun.For(intercept: false, Sample.Messages, Sample.Entry);
        Assert.Empty(intercepted.GeneratorDiagnostics);
        Assert.Empty(unbound.GeneratorDiagnostics);
        Assert.Contains(intercepted.GeneratedSources, s => s.HintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal));
        Assert.DoesNotContain(unbound.GeneratedSources, s => s.HintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal));

        var expected = await CompiledApp.RunAsync(unbound);
        var actual = await CompiledApp.RunAsync(intercepted);
        Assert.Equal(expected, actual);

        // Not two empty transcripts: every kind ran, through the middleware where it applies.
        Assert.Contains("send = pong:a\n    [trace>,ping:a,<trace]", actual, StringComparison.Ordinal);
        Assert.Contains("send-throws ! InvalidOperationException: ping boom", actual, StringComparison.Ordinal);
        Assert.Contains("stream = 1,2,3", actual, StringComparison.Ordinal);
        Assert.Contains("publish = done\n    [note:n]", actual, StringComparison.Ordinal);
        Assert.Contains("subclass-routed = circle", actual, StringComparison.Ordinal);
        Assert.Contains("another-sender = fake:Ping", actual, StringComparison.Ordinal);
        Assert.Contains("send-object = pong:o", actual, StringComparison.Ordinal);
        Assert.Contains("publish-object = done\n    [note:o]", actual, StringComparison.Ordinal);
        Assert.Contains("stream-object = 1,2", actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Calls_are_bound_where_no_subclass_can_route_the_message_elsewhere()
    {
        var run = InterceptorRun.For(intercept: true, Sample.Messages, Sample.Entry);
        Assert.Empty(run.CompilationErrors);
        var calls = InterceptorRun.Calls(run);
        string? InterceptorOf(string call) => Assert.Single(calls, c => c.Call == call).Interceptor;

        Assert.NotNull(InterceptorOf("sender.Send(new Ping(\"a\"))"));
        Assert.NotNull(InterceptorOf("mediator.Send<string>(new Ping(\"b\"))"));
        Assert.NotNull(InterceptorOf("sender.Send((Ping)null!)"));
        Assert.NotNull(InterceptorOf("mediator.Send(new Fire())"));
        Assert.NotNull(InterceptorOf("publisher.Publish(new Note { Text = \"n\" })"));
        Assert.NotNull(InterceptorOf("mediator.Publish(new Note { Text = \"m\" })"));
        Assert.NotNull(InterceptorOf("sender.CreateStream(new Count(3))"));
        Assert.NotNull(InterceptorOf("sender.Send(new Circle())"));
        Assert.NotNull(InterceptorOf("fake.Send(new Ping(\"f\"))"));

        // Shape is not sealed: a Circle typed as Shape must reach Circle's handler, which only the generic dispatch finds.
        Assert.Null(InterceptorOf("sender.Send(shape)"));

        // The object overloads (dynamic dispatch) are for messages known only at run time: never bound.
        Assert.Null(InterceptorOf("sender.Send((object)new Ping(\"o\"))"));
        Assert.Null(InterceptorOf("publisher.Publish((object)new Note { Text = \"o\" })"));
        Assert.Null(InterceptorOf("sender.CreateStream((object)new Count(2))"));
    }

    [Fact]
    public void Nothing_is_bound_when_the_property_turns_interceptors_off_or_the_namespace_is_not_opted_in()
    {
        var off = InterceptorRun.For(intercept: false, Sample.Messages, Sample.Entry);
        Assert.Empty(off.CompilationErrors);
        Assert.All(InterceptorRun.Calls(off), c => Assert.Null(c.Interceptor));

        // Without InterceptorsNamespaces (a project without the package's targets) the compiler would reject them: none are written.
        var compilation = GeneratorRun.CreateCompilation(new[] { Sample.Messages, Sample.Entry });
        var notOptedIn = GeneratorRun.Run(GeneratorRun.CreateDriver(), compilation);
        Assert.Empty(notOptedIn.CompilationErrors);
        Assert.DoesNotContain(notOptedIn.GeneratedSources, s => s.HintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_of_the_interceptors_of_a_sample()
    {
        var run = InterceptorRun.For(intercept: true, Sample.Messages, Sample.Entry);
        Assert.Empty(run.CompilationErrors);
        var (hintName, text) = Assert.Single(run.GeneratedSources, s => s.HintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal));
        Assert.StartsWith("Mediator.Interceptors.File1.", hintName, StringComparison.Ordinal);
        Snapshot.Verify("Interceptors_of_a_sample", text);
    }

    [Fact]
    public void A_method_body_edit_re_emits_only_the_edited_file_s_interceptors()
    {
        const string Other = """
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public static class Other
            {
                public static async Task<string> Call(ISender sender) => await sender.Send(new Ping("other"));
            }
            """;
        var compilation = InterceptorRun.Compilation(new[] { Sample.Messages, Sample.Entry, Other });
        var first = GeneratorRun.Run(InterceptorRun.Driver(intercept: true), compilation);
        Assert.Empty(first.CompilationErrors);
        Assert.Equal(2, first.GeneratedSources.Count(s => s.HintName.StartsWith("Mediator.Interceptors.", StringComparison.Ordinal)));

        // A body edit in File2 that moves its call: only File2's item changes, File1's stays as it was.
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File2.cs");
        var edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Other.Replace("=> await", "=>  await", StringComparison.Ordinal)));
        var second = GeneratorRun.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, edited));
        Assert.Empty(second.CompilationErrors);

        var steps = second.Result.Results.Single().TrackedSteps;
        var reasons = steps[InterceptorSteps.InterceptorInputs]
            .SelectMany(step => step.Outputs.Select(output => (File: ((ValueTuple<Model.InterceptableFile, Model.InterceptTargets>)output.Value).Item1.FilePath, output.Reason)))
            .OrderBy(r => r.File, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[] { "/src/File1.cs", "/src/File2.cs" }, reasons.Select(r => r.File).ToArray());
        Assert.Contains(reasons[0].Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged });
        Assert.Equal(IncrementalStepRunReason.Modified, reasons[1].Reason);

        // And the unchanged files were not read again at all (Cached, not re-read and found Unchanged): a syntax provider
        // would have asked the semantic model about every call of every file on this edit.
        var read = steps[TrackingNames.FileCalls]
            .SelectMany(step => step.Outputs.Select(output => (((Parsing.FileCalls)output.Value).FilePath, output.Reason)))
            .ToList();
        Assert.Equal(
            new[] { ("/src/File0.cs", IncrementalStepRunReason.Cached), ("/src/File1.cs", IncrementalStepRunReason.Cached), ("/src/File2.cs", IncrementalStepRunReason.Modified) },
            read.Where(r => r.FilePath.StartsWith("/src/", StringComparison.Ordinal)).OrderBy(r => r.FilePath, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// A declaration edit in another file re-reads every file's calls (Parsing/FileCalls): unsealing the message in the
    /// messages file unbinds the call in the calling file, which itself did not change.
    /// </summary>
    [Fact]
    public void A_declaration_edit_elsewhere_re_reads_the_calls_of_unchanged_files()
    {
        var compilation = InterceptorRun.Compilation(new[] { Sample.Messages, Sample.Entry });
        var first = GeneratorRun.Run(InterceptorRun.Driver(intercept: true), compilation);
        Assert.NotNull(Assert.Single(InterceptorRun.Calls(first), c => c.Call == "sender.Send(new Ping(\"a\"))").Interceptor);

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/File0.cs");
        var unsealed = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Sample.Messages.Replace("public sealed record Ping(", "public record Ping(", StringComparison.Ordinal)));
        var second = GeneratorRun.Run(first.Driver, compilation.ReplaceSyntaxTree(tree, unsealed));
        Assert.Empty(second.CompilationErrors);
        Assert.Null(Assert.Single(InterceptorRun.Calls(second), c => c.Call == "sender.Send(new Ping(\"a\"))").Interceptor);
        Assert.Equal(IncrementalStepRunReason.Modified, second.Result.Results.Single().TrackedSteps[TrackingNames.FileCalls]
            .SelectMany(step => step.Outputs)
            .Single(output => ((Parsing.FileCalls)output.Value).FilePath == "/src/File1.cs").Reason);
    }
}
