using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests.Composition;

/// <summary>
/// The step that reads the references (<see cref="TrackingNames.ModuleReferences"/>) sees the references only: an edit in
/// the host leaves it and everything composed from it cached; a rebuilt module re-runs it and regenerates the host's
/// forwarding.
/// </summary>
public sealed class CompositionIncrementalityTests
{
    private const string Domain = """
        using Mediator;
        namespace Domain;
        public sealed record Ping(int Value) : IRequest<int>;
        public sealed record Pong(int Value) : IRequest<int>;
        """;

    private const string Module = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Domain;
        namespace ModuleA;
        [Handler] internal sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(request.Value + 1);
        }
        """;

    private const string PongHandler = """

        [Handler] internal sealed class PongHandler : IRequestHandler<Pong, int>
        {
            public ValueTask<int> Handle(Pong request, CancellationToken cancellationToken) => new(request.Value - 1);
        }
        """;

    private const string Host = """
        using System.Threading.Tasks;
        using Mediator;
        namespace Host;
        public static class Calls
        {
            public static ValueTask<int> Run(ISender sender) => sender.Send(new Domain.Ping(1));
        }
        """;

    [Fact]
    public void An_edit_in_the_host_does_not_read_the_references_again()
    {
        var (set, first) = FirstRun();
        var compilation = first.Input;
        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(Host.Replace("new Domain.Ping(1)", "new Domain.Ping(1 + 1)") + "\npublic sealed class Added { }", GeneratorRun.ParseOptions, path: compilation.SyntaxTrees.Single().FilePath));

        var second = GeneratorRun.Run(first.Driver, edited);

        AssertReasons(second, TrackingNames.ModuleReferences, IncrementalStepRunReason.Cached);
        AssertReasons(second, TrackingNames.Composition, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        Assert.Equal(Modules(first), Modules(second));
        Assert.Empty(second.GeneratorDiagnostics);
        Assert.NotNull(set);
    }

    [Fact]
    public void A_rebuilt_module_is_read_again_and_the_host_forwards_its_new_request()
    {
        var (set, first) = FirstRun();
        var old = set.References.Last();
        var rebuilt = set.Rebuilt("ModuleA", Module + PongHandler);

        var second = GeneratorRun.Run(first.Driver, first.Input.ReplaceReference(old, rebuilt));

        AssertReasons(second, TrackingNames.ModuleReferences, IncrementalStepRunReason.Modified);
        AssertReasons(second, TrackingNames.Composition, IncrementalStepRunReason.Modified);
        Assert.DoesNotContain("Send(global::Domain.Pong request", Modules(first));
        Assert.Contains("Send(global::Domain.Pong request", Modules(second));
        Assert.Empty(second.CompilationErrors);
    }

    private static (ProjectSet Set, GeneratorRun Run) FirstRun()
    {
        var set = new ProjectSet().Plain("Domain", Domain);
        set.Module("ModuleA", Module);
        var first = set.Generate("Host", Host);
        Assert.Empty(first.GeneratorDiagnostics);
        Assert.Contains("Send(global::Domain.Ping request", Modules(first));
        return (set, first);
    }

    private static string Modules(GeneratorRun run) => run.GeneratedSources.Single(s => s.HintName == "Mediator.Modules.g.cs").Text;

    private static void AssertReasons(GeneratorRun run, string step, params IncrementalStepRunReason[] allowed)
    {
        var outputs = run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Contains(o.Reason, allowed));
    }
}
