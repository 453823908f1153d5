using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The RabbitMQ route table written at compile time from <c>[assembly: RabbitMqRoute]</c>, and its two diagnostics.
/// (That the written code compiles against a real System.Text.Json context is proven by tests/Mediator.RabbitMQ.Tests,
/// which use it against the broker.)
/// </summary>
public sealed class RabbitMqRouteGeneratorTests
{
    private const string Contracts = """
        using System.Text.Json.Serialization;
        using Mediator;
        namespace App;
        public sealed record OrderPlaced(int Id) : INotification;
        public sealed record OrderShipped(int Id) : INotification;
        public sealed record PlaceOrder(int Id) : IRequest<int>;
        [JsonSerializable(typeof(OrderPlaced))]
        public sealed partial class AppJson : JsonSerializerContext { }
        """;

    private static (string? Source, IReadOnlyList<Diagnostic> Diagnostics) Run(string assemblyAttributes, bool withTransport = true)
    {
        var references = withTransport
            ? new[] { MetadataReference.CreateFromFile(typeof(global::Mediator.RabbitMQ.RabbitMqRouteAttribute).Assembly.Location) }
            : Array.Empty<MetadataReference>();
        // The test process references the transport, so the default references (the process's platform list) carry it:
        // take it out, and put it back only when asked.
        var compilation = GeneratorRun.CreateCompilation(new[] { Contracts, assemblyAttributes });
        compilation = compilation
            .RemoveReferences(compilation.References.Where(r => Path.GetFileName(r.Display) == "CompiledMediator.RabbitMQ.dll"))
            .AddReferences(references);
        var driver = CSharpGeneratorDriver.Create(new[] { new RabbitMqRouteGenerator().AsSourceGenerator() }, parseOptions: GeneratorRun.ParseOptions);
        var result = driver.RunGenerators(compilation).GetRunResult();
        var source = result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).SingleOrDefault();
        return (source, result.Diagnostics);
    }

    [Fact]
    public void A_route_covered_by_the_named_context_is_written_with_the_contexts_type_info()
    {
        var (source, diagnostics) = Run("""
            using Mediator.RabbitMQ;
            [assembly: RabbitMqJsonContext(typeof(App.AppJson))]
            [assembly: RabbitMqRoute(typeof(App.OrderPlaced), "orders", "order.\"placed\"", Name = "order-placed")]
            """);

        Assert.Empty(diagnostics);
        Assert.NotNull(source);
        Assert.Contains(
            "builder.Route<global::App.OrderPlaced>(\"orders\", \"order.\\\"placed\\\"\", (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<global::App.OrderPlaced>)global::App.AppJson.Default.GetTypeInfo(typeof(global::App.OrderPlaced))!, \"order-placed\");",
            source);
        Assert.Contains("internal static class CompiledRabbitMqRoutes", source);
    }

    [Fact]
    public void A_routed_type_no_named_context_lists_is_MED0080_on_the_attribute_and_left_out()
    {
        var (source, diagnostics) = Run("""
            using Mediator.RabbitMQ;
            [assembly: RabbitMqJsonContext(typeof(App.AppJson))]
            [assembly: RabbitMqRoute(typeof(App.OrderPlaced), "orders", "order.placed")]
            [assembly: RabbitMqRoute(typeof(App.OrderShipped), "orders", "order.shipped")]
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MED0080", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'App.OrderShipped' is routed to RabbitMQ but the contexts named (App.AppJson) do not list it", diagnostic.GetMessage());
        Assert.Equal("RabbitMqRoute(typeof(App.OrderShipped), \"orders\", \"order.shipped\")", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Contains("builder.Route<global::App.OrderPlaced>", source);
        Assert.DoesNotContain("OrderShipped", source);
    }

    [Fact]
    public void A_route_without_any_named_context_is_MED0080()
    {
        var (_, diagnostics) = Run("""
            [assembly: Mediator.RabbitMQ.RabbitMqRoute(typeof(App.OrderPlaced), "orders", "order.placed")]
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("MED0080", diagnostic.Id);
        Assert.Contains("no context is named by [assembly: RabbitMqJsonContext(...)]", diagnostic.GetMessage());
    }

    [Fact]
    public void A_routed_request_is_MED0081()
    {
        var (source, diagnostics) = Run("""
            using Mediator.RabbitMQ;
            [assembly: RabbitMqJsonContext(typeof(App.AppJson))]
            [assembly: RabbitMqRoute(typeof(App.PlaceOrder), "orders", "order.place")]
            """);

        Assert.Equal("MED0081", Assert.Single(diagnostics).Id);
        Assert.DoesNotContain("PlaceOrder", source);
    }

    [Fact]
    public void A_project_without_the_transport_gets_nothing()
    {
        var (source, diagnostics) = Run("", withTransport: false);

        Assert.Null(source);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("=> 1;", "=> 2;", false)]
    [InlineData("\"order.placed\"", "\"order.created\"", true)]
    public void The_route_table_is_read_again_only_when_a_declaration_changes(string before, string after, bool changes)
    {
        const string Attributes = """
            using Mediator.RabbitMQ;
            [assembly: RabbitMqJsonContext(typeof(App.AppJson))]
            [assembly: RabbitMqRoute(typeof(App.OrderPlaced), "orders", "order.placed")]
            public static class Work { public static int Run() => 1; }
            """;
        var references = new[] { MetadataReference.CreateFromFile(typeof(global::Mediator.RabbitMQ.RabbitMqRouteAttribute).Assembly.Location) };
        var compilation = GeneratorRun.CreateCompilation(new[] { Contracts, Attributes }, references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RabbitMqRouteGenerator().AsSourceGenerator() },
            parseOptions: GeneratorRun.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(tree.ToString().Replace(before, after, StringComparison.Ordinal))));

        driver = driver.RunGenerators(edited);

        var reasons = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.RabbitMqRoutes]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
        Assert.NotEmpty(reasons);
        if (changes)
        {
            Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        }
        else
        {
            Assert.All(reasons, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString()));
        }
    }
}
