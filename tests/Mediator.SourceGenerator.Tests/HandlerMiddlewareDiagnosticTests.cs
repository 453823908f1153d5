using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// MED0026-MED0029 for <c>[UseMiddleware]</c> on classes (ID, severity, span, message, and a near miss each), and
/// MED0023 for an explicit middleware of this assembly named by <c>[assembly: UseMiddleware]</c>.
/// </summary>
public sealed class HandlerMiddlewareDiagnosticTests
{
    private const string Ping = """
        public sealed class Ping : IRequest<int> { }
        public interface IAudited { }
        """;

    private static string PingHandler(string attributes) => $$"""
        [Handler]
        {{attributes}}
        public sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        """;

    private const string OrderPlaced = """
        public sealed class OrderPlaced : INotification { }

        [Handler]
        public sealed class Email : INotificationHandler<OrderPlaced>
        {
            public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
        }
        """;

    private static string Stock(string attributes) => $$"""
        [Handler]
        {{attributes}}
        public sealed class Stock : INotificationHandler<OrderPlaced>
        {
            public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
        }
        """;

    /// <summary>A no-op middleware for requests and notifications.</summary>
    internal static string Mw(string name, string attributes, string constraints = "") => $$"""
        {{attributes}}
        public sealed class {{name}}<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {{constraints}}
        {
            public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
        }
        """;

    // ---- MED0026 ----

    [Fact]
    public void MED0026_UseMiddleware_on_a_class_that_is_not_a_handler()
    {
        var run = Run(Ping, PingHandler(string.Empty), Mw("Retry", "[Middleware(Explicit = true)]"), """
            [UseMiddleware(typeof(Retry<,>))]
            public sealed class PricingService { }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0026", DiagnosticSeverity.Error, "typeof(Retry<,>)",
            "[UseMiddleware] on 'App.PricingService' has no effect because 'App.PricingService' is not marked [Handler]; put it on a [Handler] class to wrap that handler, or on the assembly ([assembly: UseMiddleware(...)]) to apply it wherever its constraints fit");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0026_near_miss_the_same_attribute_on_a_handler_and_on_the_assembly()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Retry<,>))]"), Mw("Retry", "[Middleware(Explicit = true)]"), Mw("Audit", "[Middleware(Explicit = true)]"));
        var assemblyWide = GeneratorRun.For(
            Sources.Usings + "[assembly: UseMiddleware(typeof(App.Audit<,>))]\nnamespace App;\n" + Ping + PingHandler(string.Empty),
            Sources.Usings + "namespace App;\n" + Mw("Audit", "[Middleware(Explicit = true)]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(assemblyWide.GeneratorDiagnostics);
        Assert.Empty(assemblyWide.CompilationErrors);
    }

    // ---- MED0027 ----

    [Fact]
    public void MED0027_a_constraint_the_handlers_message_does_not_satisfy_is_named()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(AuditOnly<,>))]"), Mw("AuditOnly", "[Middleware(Explicit = true)]", "where TMessage : IAudited"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0027", DiagnosticSeverity.Error, "typeof(AuditOnly<,>)",
            "[UseMiddleware] on 'App.PingHandler' names 'App.AuditOnly<TMessage, TResult>', which cannot wrap it: 'App.Ping' does not satisfy the constraint 'TMessage : App.IAudited'");
        Assert.DoesNotContain("AuditOnly", Pipeline(run, "PingPipeline"));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0027_near_miss_the_message_satisfies_the_constraint_and_the_middleware_wraps_it()
    {
        var run = Run(Ping.Replace("public sealed class Ping : IRequest<int> { }", "public sealed class Ping : IRequest<int>, IAudited { }"),
            PingHandler("[UseMiddleware(typeof(AuditOnly<,>))]"),
            Mw("AuditOnly", "[Middleware(Explicit = true)]", "where TMessage : IAudited"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("App.AuditOnly&lt;TMessage, TResult&gt; (handler, order 0) -> App.PingHandler.", Pipeline(run, "PingPipeline"));
    }

    [Fact]
    public void MED0027_a_type_without_Middleware()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(PricingService))]"), "public sealed class PricingService { }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0027", DiagnosticSeverity.Error, "typeof(PricingService)",
            "[UseMiddleware] on 'App.PingHandler' names 'App.PricingService', which cannot wrap it: it is not marked [Middleware]");
    }

    [Fact]
    public void MED0027_a_request_middleware_named_on_a_notification_handler()
    {
        var run = Run(OrderPlaced, Stock("[UseMiddleware(typeof(RequestsOnly<,>))]"), """
            [Middleware(Explicit = true)]
            public sealed class RequestsOnly<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0027", DiagnosticSeverity.Error, "typeof(RequestsOnly<,>)",
            "[UseMiddleware] on 'App.Stock' names 'App.RequestsOnly<TRequest, TResponse>', which cannot wrap it: it implements neither IMiddleware<TMessage, TResult> nor INotificationMiddleware<TNotification>, so it wraps no notification");
    }

    [Fact]
    public void MED0027_near_miss_a_class_handling_several_messages_gets_it_around_those_it_fits()
    {
        var run = Run(Ping, OrderPlaced, Mw("AuditOnly", "[Middleware(Explicit = true)]", "where TMessage : IAudited"), """
            public sealed class Pong : IRequest<string>, IAudited { }

            [Handler]
            [UseMiddleware(typeof(AuditOnly<,>))]
            public sealed class Both : IRequestHandler<Ping, int>, IRequestHandler<Pong, string>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                public ValueTask<string> Handle(Pong request, CancellationToken cancellationToken) => new("pong");
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("AuditOnly", Pipeline(run, "PongPipeline"));
        Assert.DoesNotContain("AuditOnly", Pipeline(run, "PingPipeline"));
    }

    [Fact]
    public void MED0027_a_middleware_from_a_referenced_assembly_reports_its_own_problem_on_the_typeof()
    {
        var (_, reference) = CompiledApp.Library("BrokenLib", Sources.Usings + """
            namespace Lib;
            [Middleware]
            public sealed class NoContract<T> { }
            """);
        var run = GeneratorRun.For(
            new[] { Sources.Usings + "namespace App;\n" + Ping + PingHandler("[UseMiddleware(typeof(Lib.NoContract<>))]") },
            new[] { reference });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0007", diagnostic.Id);
        Assert.Equal("typeof(Lib.NoContract<>)", AnalyzerRun.SpanText(diagnostic));
    }

    // ---- MED0028 ----

    [Fact]
    public void MED0028_a_middleware_that_is_not_explicit_already_wraps_the_handler()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Retry<,>))]"), Mw("Retry", "[Middleware]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0028", DiagnosticSeverity.Error, "typeof(Retry<,>)",
            "[UseMiddleware] on 'App.PingHandler' names 'App.Retry<TMessage, TResult>', which already wraps it through its generic constraints in the pipeline of 'App.Ping', so it would run twice; mark it [Middleware(Explicit = true)] so that it applies only where [UseMiddleware] names it");
        // The generated pipeline keeps it once, where its constraints put it.
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (global, order 0) -> App.PingHandler.", Pipeline(run, "PingPipeline"));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0028_near_miss_an_explicit_middleware_wraps_only_the_handler_naming_it()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Retry<,>))]"), OrderPlaced, Mw("Retry", "[Middleware(Explicit = true)]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (handler, order 0) -> App.PingHandler.", Pipeline(run, "PingPipeline"));
        Assert.DoesNotContain("Retry", Pipeline(run, "OrderPlacedNotificationPipeline"));
    }

    [Fact]
    public void MED0028_named_twice_on_one_class()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Retry<,>))]\n[UseMiddleware(typeof(Retry<,>), Order = 3)]"), Mw("Retry", "[Middleware(Explicit = true)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0028", DiagnosticSeverity.Error, "typeof(Retry<,>)",
            "[UseMiddleware] on 'App.PingHandler' names 'App.Retry<TMessage, TResult>', which already wraps it through another [UseMiddleware] on the same class, so it would run twice; remove one of them");
        // Reported on the second one, the duplicate.
        Assert.Contains("Order = 3", diagnostic.Location.SourceTree!.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString());
    }

    [Fact]
    public void MED0028_also_named_by_the_assembly()
    {
        var run = GeneratorRun.For(
            Sources.Usings + "[assembly: UseMiddleware(typeof(App.Retry<,>))]\nnamespace App;\n" + Ping + PingHandler("[UseMiddleware(typeof(Retry<,>))]"),
            Sources.Usings + "namespace App;\n" + Mw("Retry", "[Middleware(Explicit = true)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0028", DiagnosticSeverity.Error, "typeof(Retry<,>)",
            "[UseMiddleware] on 'App.PingHandler' names 'App.Retry<TMessage, TResult>', which already wraps it through [assembly: UseMiddleware] in the pipeline of 'App.Ping', so it would run twice; remove this [UseMiddleware] or the assembly-wide one");
    }

    // ---- MED0029 ----

    [Fact]
    public void MED0029_a_publish_side_middleware_named_on_a_handler()
    {
        var run = Run(OrderPlaced, Stock("[UseMiddleware(typeof(MeasurePublish<>))]"), """
            [Middleware(Direction = MiddlewareDirection.OnPublish, Explicit = true)]
            public sealed class MeasurePublish<TNotification> : INotificationMiddleware<TNotification>
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0029", DiagnosticSeverity.Error, "typeof(MeasurePublish<>)",
            "[UseMiddleware] on 'App.Stock' names 'App.MeasurePublish<TNotification>', a publish-side middleware (Direction = MiddlewareDirection.OnPublish): it runs once per Publish, before the fan-out, not around one handler; name a message-side middleware here, or apply this one to the notification with its constraints or [assembly: UseMiddleware]");
        Assert.DoesNotContain("MeasurePublish", Pipeline(run, "OrderPlacedNotificationPipeline"));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0029_near_miss_a_message_side_middleware_wraps_that_handler_only()
    {
        var run = Run(OrderPlaced, Stock("[UseMiddleware(typeof(Measure<>))]"), """
            [Middleware(Explicit = true)]
            public sealed class Measure<TNotification> : INotificationMiddleware<TNotification>
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        var pipeline = Pipeline(run, "OrderPlacedNotificationPipeline");
        Assert.Contains("/// Per handler: App.Email.", pipeline);
        Assert.Contains("/// Per handler: App.Measure&lt;TNotification&gt; (handler, order 0) -> App.Stock.", pipeline);
    }

    // ---- MED0023 with explicit middleware of this assembly ----

    [Fact]
    public void MED0023_assembly_UseMiddleware_of_a_middleware_of_this_assembly_that_is_not_explicit()
    {
        var run = GeneratorRun.For(
            Sources.Usings + "[assembly: UseMiddleware(typeof(App.Retry<,>))]\nnamespace App;\n" + Ping + PingHandler(string.Empty),
            Sources.Usings + "namespace App;\n" + Mw("Retry", "[Middleware]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0023", DiagnosticSeverity.Error, "typeof(App.Retry<,>)",
            "[assembly: UseMiddleware] cannot add 'App.Retry<TMessage, TResult>': it is declared in this assembly, where [Middleware] already places it in every pipeline it matches; mark it [Middleware(Explicit = true)] to apply it only where [UseMiddleware] names it");
    }

    [Fact]
    public void MED0023_near_miss_an_explicit_middleware_of_this_assembly_is_applied_wherever_it_fits()
    {
        var run = GeneratorRun.For(
            Sources.Usings + "[assembly: UseMiddleware(typeof(App.Retry<,>), Order = 7)]\nnamespace App;\n" + Ping + PingHandler(string.Empty) + OrderPlaced,
            Sources.Usings + "namespace App;\n" + Mw("Retry", "[Middleware(Explicit = true, Concern = \"Bad \")]"));

        // The class's own problem (MED0025) is reported once, on the class, not again on the assembly attribute.
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0025", diagnostic.Id);
        Assert.Equal("/src/File1.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (global, order 7, from [assembly: UseMiddleware]) -> App.PingHandler.", Pipeline(run, "PingPipeline"));
        Assert.Contains("App.Retry&lt;TMessage, TResult&gt; (global, order 7, from [assembly: UseMiddleware]) -> App.Email.", Pipeline(run, "OrderPlacedNotificationPipeline"));
    }

    // ---- MED0008 and explicit middleware ----

    [Fact]
    public void An_explicit_middleware_named_nowhere_is_in_no_pipeline_and_not_reported()
    {
        var run = Run(Ping, PingHandler(string.Empty), Mw("Retry", "[Middleware(Explicit = true)]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain("Retry", Pipeline(run, "PingPipeline"));
        Assert.DoesNotContain("Retry", run.GeneratedSources.Single(s => s.HintName == "Mediator.ServiceCollectionExtensions.g.cs").Text);
    }

    // ---- the built-ins of Mediator.Runtime on one handler ----

    [Fact]
    public void A_built_in_named_on_one_handler_wraps_it_in_the_handler_layer()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Mediator.Metrics.MetricsMiddleware<,>))]"), OrderPlaced);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("Mediator.Metrics.MetricsMiddleware&lt;TMessage, TResult&gt; (handler, order -800, concern Metrics) -> App.PingHandler.", Pipeline(run, "PingPipeline"));
        Assert.DoesNotContain("Metrics", Pipeline(run, "OrderPlacedNotificationPipeline"));
    }

    [Fact]
    public void A_built_in_configured_by_a_message_attribute_needs_it_on_the_message()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Mediator.Resilience.RetryMiddleware<,>))]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0027", DiagnosticSeverity.Error, "typeof(Mediator.Resilience.RetryMiddleware<,>)",
            "[UseMiddleware] on 'App.PingHandler' names 'Mediator.Resilience.RetryMiddleware<TMessage, TResult>', which cannot wrap it: its constructor takes [Mediator.Resilience.RetryAttribute], and 'App.Ping' does not carry it");
    }

    [Fact]
    public void MED0013_the_built_in_retry_named_on_a_handler_is_inside_an_assembly_wide_transaction()
    {
        var run = GeneratorRun.For(
            Sources.Usings + "using Mediator.Resilience;\nusing Mediator.Transactions;\n[assembly: UseMiddleware(typeof(TransactionMiddleware<,>))]\nnamespace App;\n[Retry, Transactional]\n"
                + Ping + PingHandler("[UseMiddleware(typeof(Mediator.Resilience.RetryMiddleware<,>))]"));

        // The same placement leaves the transaction outside a built-in (MED0016, on the assembly line).
        Assert.Equal(new[] { "MED0013", "MED0016" }, run.GeneratorDiagnostics.Select(d => d.Id).Order());
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "MED0013");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("typeof(Mediator.Resilience.RetryMiddleware<,>)", AnalyzerRun.SpanText(diagnostic));
        Assert.Contains("in the pipeline of 'App.Ping'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static GeneratorRun Run(params string[] declarations)
        => GeneratorRun.For(declarations.Select(d => Sources.Usings + "namespace App;\n" + d).ToArray());

    internal static string Pipeline(GeneratorRun run, string className)
        => run.GeneratedSources.Single(s => s.HintName == "Mediator." + className + ".g.cs").Text;
}
