using Mediator.SourceGenerator.Tests.Composition;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Publish strategies chosen at compile time (issue 19, item 3): the diagnostics of the attributes (MED0055 to MED0057),
/// the generated fan-outs, and a module's strategy applying when a host publishes.
/// </summary>
public sealed class PublishStrategyTests
{
    private const string Handlers = """
        [Handler] public sealed class First : INotificationHandler<Said> { public ValueTask Handle(Said n, CancellationToken ct) => default; }
        [Handler] public sealed class Second : INotificationHandler<Said> { public ValueTask Handle(Said n, CancellationToken ct) => default; }
        public sealed class Loop : IPublishStrategy
        {
            public async ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
                where THandlers : struct, INotificationHandlers<TNotification>
            {
                for (var i = 0; i < handlers.Count; i++) await handlers.InvokeAsync(i, notification, context);
            }
        }
        """;

    [Fact]
    public void MED0055_a_type_that_cannot_be_a_strategy_is_reported_on_the_attribute()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            [PublishStrategy(typeof(NotAStrategy))] public sealed record Said(int N) : INotification;
            [PublishStrategy(typeof(AbstractStrategy))] public sealed record Abstract(int N) : INotification;
            [PublishStrategy(typeof(GenericStrategy<>))] public sealed record Generic(int N) : INotification;

            public sealed class NotAStrategy { }
            public abstract class AbstractStrategy : IPublishStrategy
            {
                public abstract ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
                    where THandlers : struct, INotificationHandlers<TNotification>;
            }
            public sealed class GenericStrategy<T> : IPublishStrategy
            {
                public ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
                    where THandlers : struct, INotificationHandlers<TNotification> => default;
            }
            public sealed class Holder
            {
                [PublishStrategy(typeof(Hidden))] public sealed record Nested(int N) : INotification;
                [Handler] public sealed class NestedHandler : INotificationHandler<Nested> { public ValueTask Handle(Nested n, CancellationToken ct) => default; }

                private sealed class Hidden : IPublishStrategy
                {
                    public ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
                        where THandlers : struct, INotificationHandlers<TNotification> => default;
                }
            }
            [Handler] public sealed class Any : INotificationHandler<Said>, INotificationHandler<Abstract>, INotificationHandler<Generic>
            {
                public ValueTask Handle(Said n, CancellationToken ct) => default;
                public ValueTask Handle(Abstract n, CancellationToken ct) => default;
                public ValueTask Handle(Generic n, CancellationToken ct) => default;
            }
            """);

        var found = run.GeneratorDiagnostics.Where(d => d.Id == "MED0055").OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(4, found.Count);
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal("PublishStrategy(typeof(NotAStrategy))", Span(found[0]));
        Assert.Equal(
            "'App.NotAStrategy' is named by [PublishStrategy(typeof(...))] but cannot be a publish strategy: it does not implement Mediator.IPublishStrategy; name a non-abstract, non-generic class that implements Mediator.IPublishStrategy",
            found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("it is abstract", found[1].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("it is generic", found[2].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Hidden' is private or protected", found[3].GetMessage(), StringComparison.Ordinal);
        // The unusable strategy is read as absent: the default fan-out is generated, and what is generated compiles (the
        // private strategy, CS0122, included, since the attribute itself is legal C#).
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0055_on_the_assembly_attribute_and_its_near_miss()
    {
        var wrong = GeneratorRun.For(Sources.Usings + "[assembly: PublishStrategy(typeof(App.NotAStrategy))]\nnamespace App;\npublic sealed record Said(int N) : INotification;\npublic sealed class NotAStrategy { }\n" + Handlers);
        var error = Assert.Single(wrong.GeneratorDiagnostics);
        Assert.Equal("MED0055", error.Id);
        Assert.Equal("PublishStrategy(typeof(App.NotAStrategy))", Span(error));

        var right = GeneratorRun.For(Sources.Usings + "[assembly: PublishStrategy(typeof(App.Loop))]\nnamespace App;\npublic sealed record Said(int N) : INotification;\n" + Handlers);
        Assert.Empty(right.GeneratorDiagnostics);
        Assert.Empty(right.CompilationErrors);
        var pipeline = right.GeneratedSources.Single(s => s.Text.Contains("class SaidNotificationPipeline", StringComparison.Ordinal)).Text;
        Assert.Contains("_strategy.PublishAsync(notification, new HandlerSet<TMode>(this), context)", pipeline, StringComparison.Ordinal);
        Assert.Contains("global::App.Loop, global::App.Loop>()", right.GeneratedSources.Single(s => s.HintName == "Mediator.ServiceCollectionExtensions.g.cs").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MED0056_failures_beside_fire_and_forget_or_a_strategy_of_yours_and_its_near_miss()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            [PublishStrategy(PublishStrategy.FireAndForget), PublishFailures(PublishFailures.Original)] public sealed record Said(int N) : INotification;
            [PublishFailures(PublishFailures.Original)]
            [PublishStrategy(typeof(Loop))] public sealed record Told(int N) : INotification;
            [Handler] public sealed class Both : INotificationHandler<Said>, INotificationHandler<Told>
            {
                public ValueTask Handle(Said n, CancellationToken ct) => default;
                public ValueTask Handle(Told n, CancellationToken ct) => default;
            }
            public sealed class Loop : IPublishStrategy
            {
                public ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
                    where THandlers : struct, INotificationHandlers<TNotification> => default;
            }
            """);

        var found = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "MED0056", "MED0056" }, found.Select(d => d.Id));
        Assert.All(found, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Equal("PublishFailures(PublishFailures.Original)", Span(found[0]));
        Assert.Equal(
            "[PublishFailures] on App.Said has no effect: its [PublishStrategy] is fire-and-forget (the caller sees no failure) or a strategy of yours (which decides what it throws); remove one of the two attributes",
            found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        // Project-wide failures with one fire-and-forget notification is the ordinary case: no warning.
        var nearMiss = GeneratorRun.For(Sources.Usings + """
            [assembly: PublishFailures(PublishFailures.Original)]
            namespace App;
            [PublishStrategy(PublishStrategy.FireAndForget)] public sealed record Said(int N) : INotification;
            [Handler] public sealed class Only : INotificationHandler<Said> { public ValueTask Handle(Said n, CancellationToken ct) => default; }
            """);
        Assert.Empty(nearMiss.GeneratorDiagnostics);
        Assert.Empty(nearMiss.CompilationErrors);
    }

    [Fact]
    public void MED0057_a_value_that_is_not_a_strategy_or_failure_mode()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            [assembly: PublishFailures((PublishFailures)5)]
            namespace App;
            [PublishStrategy((PublishStrategy)100)] public sealed record Said(int N) : INotification;
            [Handler] public sealed class Only : INotificationHandler<Said> { public ValueTask Handle(Said n, CancellationToken ct) => default; }
            """);

        var found = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(new[] { "MED0057", "MED0057" }, found.Select(d => d.Id));
        Assert.Equal("5 is not a value of PublishFailures (on the assembly), so the default is used; name one of its members", found[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("100 is not a value of PublishStrategy (on App.Said), so the default is used; name one of its members", found[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        // 100 is the generator's own value for a strategy of the user's: it must not be read as one.
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("HandlerSet", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_strategy_and_the_original_failure_mode()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            [PublishStrategy(PublishStrategy.StopOnFirstFailure)] public sealed record Halting(int N) : INotification;
            [PublishFailures(PublishFailures.Original)] public sealed record Rethrown(int N) : INotification;
            [PublishStrategy(PublishStrategy.FireAndForget)] public sealed record Background(int N) : INotification;
            [PublishStrategy(PublishStrategy.FireAndForget)] public sealed record ScopedBackground(int N) : INotification;
            [PublishStrategy(typeof(Loop))] public sealed record Custom(int N) : INotification, ITagged;

            [Handler] public sealed class One : INotificationHandler<Halting>, INotificationHandler<Rethrown>, INotificationHandler<Background>, INotificationHandler<Custom>
            {
                public ValueTask Handle(Halting n, CancellationToken ct) => default;
                public ValueTask Handle(Rethrown n, CancellationToken ct) => default;
                public ValueTask Handle(Background n, CancellationToken ct) => default;
                public ValueTask Handle(Custom n, CancellationToken ct) => default;
            }
            [Handler] public sealed class Two : INotificationHandler<Halting>, INotificationHandler<Rethrown>, INotificationHandler<Custom>
            {
                public ValueTask Handle(Halting n, CancellationToken ct) => default;
                public ValueTask Handle(Rethrown n, CancellationToken ct) => default;
                public ValueTask Handle(Custom n, CancellationToken ct) => default;
            }
            [Handler(Lifetime = ComponentLifetime.Scoped)] public sealed class InScope : INotificationHandler<ScopedBackground>
            {
                public ValueTask Handle(ScopedBackground n, CancellationToken ct) => default;
            }
            public interface ITagged { }
            [Middleware(Order = 1)]
            public sealed class Tag<TMessage, TResult> : IMiddleware<TMessage, TResult> where TMessage : ITagged
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context) where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }
            /// <summary>Explicit: called through the interface.</summary>
            public sealed class Loop : IPublishStrategy
            {
                ValueTask IPublishStrategy.PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context) => default;
            }
            """);

        SnapshotTests.AssertClean(run);
        Snapshot.Verify(nameof(Each_strategy_and_the_original_failure_mode), run);
    }

    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record Happened(string What) : INotification;
        public static class Log { public static readonly System.Collections.Generic.List<string> Lines = new(); }
        """;

    /// <summary>A module whose [assembly: PublishStrategy] is a strategy of its own, running its handlers last to first.</summary>
    private const string Reversing = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        [assembly: PublishStrategy(typeof(Reversing.Reverse))]
        namespace Reversing;
        public sealed class Reverse : IPublishStrategy
        {
            public async ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
                where THandlers : struct, INotificationHandlers<TNotification>
            {
                Log.Lines.Add("reverse over " + handlers.Count);
                for (var i = handlers.Count - 1; i >= 0; i--) await handlers.InvokeAsync(i, notification, context);
            }
        }
        [Handler] internal sealed class R1 : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("R1"); return default; }
        }
        [Handler] internal sealed class R2 : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("R2"); return default; }
        }
        """;

    /// <summary>A module that stops at its first failure: S1 fails, S2 must not run.</summary>
    private const string Stopping = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        [assembly: PublishStrategy(PublishStrategy.StopOnFirstFailure)]
        namespace Stopping;
        [Handler] internal sealed class S1 : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("S1 fails"); throw new System.InvalidOperationException("S1"); }
        }
        [Handler] internal sealed class S2 : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("S2"); return default; }
        }
        """;

    private const string Host = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        [Handler] internal sealed class H1 : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("H1"); return default; }
        }
        [Handler] internal sealed class H2 : INotificationHandler<Happened>
        {
            public ValueTask Handle(Happened notification, CancellationToken cancellationToken) { Log.Lines.Add("H2"); return default; }
        }
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                IPublisher publisher = provider.GetRequiredService<IPublisher>();
                try { await publisher.Publish(new Happened("x")); }
                catch (PublishException e) { Log.Lines.Add("failed: " + string.Join(",", System.Linq.Enumerable.Select(e.Failures, f => f.HandlerType.Name))); }
                return string.Join("|", Log.Lines);
            }
        }
        """;

    [Fact]
    public async Task A_module_s_strategy_applies_when_the_host_publishes()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("Reversing", Reversing);
        set.Module("Stopping", Stopping);
        var host = set.Generate("Host", Host);

        Assert.Empty(host.GeneratorDiagnostics);
        var output = await CompiledApp.RunAsync(host, set.Images.ToArray());

        // The host's own handlers in order (its default, sequential), then each module's by its own strategy; the host
        // gathers the module's failure with the rest.
        Assert.Equal("H1|H2|reverse over 2|R2|R1|S1 fails|failed: S1", output);
    }

    private const string Background = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        [assembly: PublishStrategy(PublishStrategy.FireAndForget)]
        namespace Background;
        public static class Gate
        {
            public static readonly TaskCompletionSource Open = new(TaskCreationOptions.RunContinuationsAsynchronously);
            public static readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        [Handler] internal sealed class F1 : INotificationHandler<Happened>
        {
            public async ValueTask Handle(Happened notification, CancellationToken cancellationToken)
            {
                await Gate.Open.Task;
                Log.Lines.Add("F1");
                Gate.Done.SetResult();
            }
        }
        """;

    private const string BackgroundHost = """
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        using Microsoft.Extensions.DependencyInjection;
        namespace App;
        public static class Entry
        {
            public static async Task<string> Run()
            {
                using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
                IPublisher publisher = provider.GetRequiredService<IPublisher>();
                // The handler waits for a gate opened only after Publish has returned: awaited in line, Publish could not
                // have completed yet.
                var publish = publisher.Publish(new Happened("x"));
                Log.Lines.Add("returned completed: " + publish.IsCompleted);
                Background.Gate.Open.SetResult();
                await publish;
                await Background.Gate.Done.Task;
                return string.Join("|", Log.Lines);
            }
        }
        """;

    [Fact]
    public async Task A_module_s_fire_and_forget_stays_fire_and_forget_when_the_host_publishes()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("Background", Background);
        var host = set.Generate("Host", BackgroundHost);

        Assert.Empty(host.GeneratorDiagnostics);
        var output = await CompiledApp.RunAsync(host, set.Images.ToArray());

        Assert.Equal("returned completed: True|F1", output);
    }

    private static string Span(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
}
