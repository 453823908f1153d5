using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// How a notification's middleware configured by an attribute is built: once per handler on the handler side (from the
/// handler class's attribute, else the notification's, with the handler as <c>HandlerIdentity</c>), once per Publish on
/// the publish side (from the notification's attribute), and not at all for a handler that carries nothing it takes.
/// </summary>
public sealed class PerHandlerConfigurationTests
{
    private const string Source = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        namespace App;

        public sealed class GateAttribute : Attribute { public int Limit { get; set; } }

        [Middleware(Explicit = true)]
        public sealed class Gate<TMessage, TResult> : IMiddleware<TMessage, TResult>
        {
            public Gate(GateAttribute settings, HandlerIdentity? handler = null) { }
            public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
        }

        [Middleware(Direction = MiddlewareDirection.OnPublish)]
        public sealed class PublishGate<TNotification> : INotificationMiddleware<TNotification>
        {
            public PublishGate(GateAttribute settings, HandlerIdentity? handler = null) { }
            public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
        }

        [Gate(Limit = 1)]
        public sealed record Priced(int Id) : INotification;

        public sealed record Shipped(int Id) : INotification;

        [Handler]
        public sealed class Audit : INotificationHandler<Priced>, INotificationHandler<Shipped>
        {
            public ValueTask Handle(Priced notification, CancellationToken cancellationToken) => default;
            public ValueTask Handle(Shipped notification, CancellationToken cancellationToken) => default;
        }

        [Handler, Gate(Limit = 2)]
        public sealed class Quote : INotificationHandler<Priced>, INotificationHandler<Shipped>
        {
            public ValueTask Handle(Priced notification, CancellationToken cancellationToken) => default;
            public ValueTask Handle(Shipped notification, CancellationToken cancellationToken) => default;
        }
        """;

    private static string Registrations()
    {
        var run = GeneratorRun.For(Source, "[assembly: Mediator.UseMiddleware(typeof(App.Gate<,>))]");
        SnapshotTests.AssertClean(run);
        return run.GeneratedSources.Single(s => s.HintName.EndsWith("ServiceCollectionExtensions.g.cs", StringComparison.Ordinal)).Text;
    }

    [Fact]
    public void Each_handler_gets_its_own_instance_configured_by_its_class_else_by_the_notification()
    {
        var text = Registrations();

        Assert.Contains("new global::App.Gate<global::App.Priced, global::Mediator.Unit>(new global::App.GateAttribute() { Limit = (int)(1) }, new global::Mediator.HandlerIdentity(typeof(global::App.Audit)))", text, StringComparison.Ordinal);
        Assert.Contains("new global::App.Gate<global::App.Priced, global::Mediator.Unit>(new global::App.GateAttribute() { Limit = (int)(2) }, new global::Mediator.HandlerIdentity(typeof(global::App.Quote)))", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_without_the_attribute_gets_the_layer_only_around_the_handler_whose_class_carries_it()
    {
        var text = Registrations();

        Assert.Contains("new global::App.Gate<global::App.Shipped, global::Mediator.Unit>(new global::App.GateAttribute() { Limit = (int)(2) }, new global::Mediator.HandlerIdentity(typeof(global::App.Quote)))", text, StringComparison.Ordinal);
        Assert.DoesNotContain("typeof(global::App.Audit))), new global::App.Gate<global::App.Shipped", text, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape("new global::App.Gate<global::App.Shipped")));
    }

    [Fact]
    public void A_publish_side_middleware_is_built_once_per_publish_from_the_notifications_attribute_with_no_handler()
    {
        var text = Registrations();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape("new global::App.PublishGate<global::App.Priced>(")));
        Assert.Contains("new global::App.PublishGate<global::App.Priced>(new global::App.GateAttribute() { Limit = (int)(1) }, null)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("new global::App.PublishGate<global::App.Shipped>", text, StringComparison.Ordinal);
    }
}
