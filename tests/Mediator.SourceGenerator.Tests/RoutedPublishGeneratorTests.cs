using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The hook after the publish-side middleware for a notification routed by <c>[assembly: RabbitMqRoute]</c>: its pipeline
/// exists even with no handler in the project, and its fan-out is the transport's strategy. (What the strategy does at
/// run time, against the broker and the in-memory test client, is tested in tests/Mediator.RabbitMQ.Tests.)
/// </summary>
public sealed class RoutedPublishGeneratorTests
{
    private const string App = """
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Mediator.RabbitMQ;
        [assembly: RabbitMqRoute(typeof(App.OrderPlaced), "orders", "order.placed")]
        namespace App;
        public sealed record OrderPlaced(int Id) : INotification;
        public sealed record Tick : INotification;
        [Handler]
        public sealed class OnTick : INotificationHandler<Tick>
        {
            public ValueTask Handle(Tick notification, CancellationToken cancellationToken) => default;
        }
        [Middleware(Direction = MiddlewareDirection.OnPublish)]
        public sealed class Stamp<TNotification> : INotificationMiddleware<TNotification>
        {
            public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                where TNext : struct, INotificationNext<TNotification>
                => next.InvokeAsync(notification, context);
        }
        """;

    [Fact]
    public void A_routed_notification_without_a_handler_gets_a_pipeline_whose_fan_out_is_the_transport()
    {
        var run = GeneratorRun.For(App);

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        var pipeline = Assert.Single(run.GeneratedSources, s => s.HintName.Contains("OrderPlacedNotificationPipeline")).Text;
        // Publish-side middleware first, then the strategy: the hook the transport takes over at.
        Assert.Contains("_publish0.InvokeAsync(notification, new Publish1<TMode>(_pipeline), context)", pipeline);
        Assert.Contains("_strategy.PublishAsync(notification, new HandlerSet<TMode>(this), context)", pipeline);
        Assert.Contains("public int Count => 0;", pipeline);
        var registration = Assert.Single(run.GeneratedSources, s => s.HintName.Contains("ServiceCollection")).Text;
        Assert.Contains("global::Mediator.RabbitMQ.RabbitMqForwarding", registration);
        // Publishing it does something (it goes to the broker), so MED0010 ("no handler, publishing does nothing") is not said.
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MED0010");
    }

    [Fact]
    public void A_notification_that_is_not_routed_keeps_its_own_fan_out()
    {
        var run = GeneratorRun.For(App);

        var pipeline = Assert.Single(run.GeneratedSources, s => s.HintName.Contains("TickNotificationPipeline")).Text;
        Assert.DoesNotContain("RabbitMqForwarding", pipeline);
        Assert.DoesNotContain("HandlerSet", pipeline);
    }

    [Fact]
    public void Without_the_route_attribute_a_handlerless_notification_still_gets_no_pipeline()
    {
        var run = GeneratorRun.For(App.Replace("[assembly: RabbitMqRoute(typeof(App.OrderPlaced), \"orders\", \"order.placed\")]", string.Empty));

        Assert.Empty(run.CompilationErrors);
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.Contains("OrderPlacedNotificationPipeline"));
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("RabbitMqForwarding"));
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "MED0010" && d.GetMessage().Contains("App.OrderPlaced"));
    }
}
