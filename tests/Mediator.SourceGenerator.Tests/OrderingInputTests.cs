using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The ordering inputs as the generator sees them: a snapshot of an attribute-configured pipeline, bad input that must
/// never crash the generator, and incrementality with <c>[assembly: UseMiddleware]</c> in play.
/// </summary>
public sealed class OrderingInputTests
{
    private const string Configured = Sources.Usings + """
        using System;
        namespace App;

        [AttributeUsage(AttributeTargets.Class)]
        public sealed class RetryAttribute : Attribute
        {
            public RetryAttribute(int maxAttempts) => MaxAttempts = maxAttempts;
            public int MaxAttempts { get; }
            public TimeSpanKind Backoff { get; set; }
        }

        public enum TimeSpanKind { Fixed, Exponential }

        [Retry(3, Backoff = TimeSpanKind.Exponential)]
        public sealed class Charge : IRequest<int> { }

        [Handler]
        public sealed class ChargeHandler : IRequestHandler<Charge, int>
        {
            public ValueTask<int> Handle(Charge request, CancellationToken cancellationToken) => new(1);
        }

        [Middleware(Order = -400, Concern = Concerns.Retry)]
        public sealed class Retry<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IRequest<TResponse>
        {
            public Retry(RetryAttribute settings, IServiceProvider services, TimeProvider? clock = null) { }

            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    [Fact]
    public void Snapshot_of_a_pipeline_with_an_attribute_configured_middleware()
    {
        var run = GeneratorRun.For(Configured, Sources.Middleware("Logging", -1100));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Snapshot.Verify(nameof(Snapshot_of_a_pipeline_with_an_attribute_configured_middleware), run);
    }

    public static TheoryData<string, string> BadInput() => new()
    {
        { "attribute argument that does not bind", Configured.Replace("[Retry(3, Backoff = TimeSpanKind.Exponential)]", "[Retry(UnknownConstant, Backoff = TimeSpanKind.Nope)]") },
        { "attribute of a missing type on the message", Configured.Replace("[Retry(3, Backoff = TimeSpanKind.Exponential)]", "[Retry(3)][Missing(1)]") },
        { "middleware taking an attribute that does not exist", Configured.Replace("RetryAttribute settings,", "MissingAttribute settings,") },
        { "ordering attributes over missing types", Configured.Replace("[Middleware(Order = -400, Concern = Concerns.Retry)]", "[Middleware(Order = -400, Concern = Concerns.Nope)] [RunsBefore(typeof(Missing<,>))] [MustRunInside(typeof(Missing), RuleId = 12)]") },
        { "UseMiddleware over a missing type and a non-type", "[assembly: Mediator.UseMiddleware(typeof(Nope<,>))]\n[assembly: Mediator.UseMiddleware(null!)]\n" + Configured },
        { "RequiresConcern with a null concern", Configured.Replace("[AttributeUsage(AttributeTargets.Class)]", "[AttributeUsage(AttributeTargets.Class)] [RequiresConcern(null!)]") },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_ordering_input_never_crashes_the_generator(string description, string source)
    {
        var run = GeneratorRun.For(source);

        Assert.True(run.Result.Results.All(r => r.Exception is null), description);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "MED0003" or "CS8784" or "CS8785");
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        MediatorOutput.AssertWrittenExactlyWhenSomethingIsHandled(run);
    }

    [Fact]
    public void Editing_a_method_body_with_UseMiddleware_in_play_leaves_every_output_cached()
    {
        var (_, reference) = CompiledApp.Library("StampLib", Sources.Usings + """
            namespace Lib;
            [Middleware(Order = 5)]
            public sealed class Stamp<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IRequest<TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);
        var app = Sources.Usings + """
            [assembly: UseMiddleware(typeof(Lib.Stamp<,>), Order = -3)]
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { return new(1); }
            }
            """;
        var compilation = GeneratorRun.CreateCompilation(new[] { app }, new[] { reference });
        var first = GeneratorRun.Run(GeneratorRun.CreateDriver(), compilation);
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(app.Replace("return new(1);", "var answer = 1; return new(answer);"), GeneratorRun.ParseOptions, path: compilation.SyntaxTrees.First().FilePath));
        var second = GeneratorRun.Run(first.Driver, edited);

        Assert.Contains("Lib.Stamp&lt;TRequest, TResponse&gt; (global, order -3, from [assembly: UseMiddleware])", first.GeneratedSources.Single(s => s.HintName == "Mediator.g.cs").Text);
        var steps = second.Result.Results.Single().TrackedSteps;
        foreach (var name in new[] { TrackingNames.UsedMiddlewareSpecs, TrackingNames.Plan, TrackingNames.Pipelines })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + ": " + o.Reason));
        }

        Assert.All(second.Result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
