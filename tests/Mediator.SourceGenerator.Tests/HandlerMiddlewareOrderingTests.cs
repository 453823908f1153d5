using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Mediator.SourceGenerator.Tests.HandlerMiddlewareDiagnosticTests;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The handler layer under the ordering rules: sorted like the other layers, checked by the hard rules
/// (MED0012-MED0020) and the concern requirements (MED0021/MED0022) like any other step, per handler chain.
/// </summary>
public sealed class HandlerMiddlewareOrderingTests
{
    private const string Ping = """
        public sealed class Ping : IRequest<int> { }
        """;

    private static string PingHandler(string attributes) => $$"""
        [Handler]
        {{attributes}}
        public sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        """;

    private static string OrderPlaced(string emailAttributes, string stockAttributes, string notificationAttributes = "") => $$"""
        {{notificationAttributes}}
        public sealed class OrderPlaced : INotification { }

        [Handler]
        {{emailAttributes}}
        public sealed class Email : INotificationHandler<OrderPlaced>
        {
            public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
        }

        [Handler]
        {{stockAttributes}}
        public sealed class Stock : INotificationHandler<OrderPlaced>
        {
            public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
        }
        """;

    [Fact]
    public void Inside_the_handler_layer_RunsAfter_decides_before_Order()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(A<,>))] [UseMiddleware(typeof(B<,>))]"),
            Mw("A", "[Middleware(Order = 1, Explicit = true)] [RunsAfter(typeof(B<,>))]"),
            Mw("B", "[Middleware(Order = 2, Explicit = true)]"),
            Mw("Outer", "[Middleware(Order = 99)]"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(
            "App.Outer&lt;TMessage, TResult&gt; (global, order 99) -> App.B&lt;TMessage, TResult&gt; (handler, order 2) -> App.A&lt;TMessage, TResult&gt; (handler, order 1) -> App.PingHandler.",
            Pipeline(run, "PingPipeline"));
    }

    [Fact]
    public void MED0020_a_handler_middleware_that_must_run_outside_a_global_one_is_reported_on_its_UseMiddleware()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(Retry<,>))]"),
            Mw("Retry", "[Middleware(Explicit = true)] [MustRunOutside(Concerns.Transaction, Severity = RuleSeverity.Error)]"),
            Mw("Tx", "[Middleware(Concern = Concerns.Transaction)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0020", DiagnosticSeverity.Error, "typeof(Retry<,>)",
            "'App.Retry<TMessage, TResult>' must run outside 'App.Tx<TMessage, TResult>' but runs inside it in the pipeline of 'App.Ping': declared by [MustRunOutside(concern Transaction)]; give 'App.Retry<TMessage, TResult>' a lower Order than 'App.Tx<TMessage, TResult>', or move it to another layer");
    }

    [Fact]
    public void MED0020_near_miss_a_global_middleware_that_must_run_outside_a_handler_one()
        => Assert.Empty(Run(Ping, PingHandler("[UseMiddleware(typeof(Tx<,>))]"),
            Mw("Retry", "[Middleware] [MustRunOutside(Concerns.Transaction, Severity = RuleSeverity.Error)]"),
            Mw("Tx", "[Middleware(Explicit = true, Concern = Concerns.Transaction)]")).GeneratorDiagnostics);

    [Fact]
    public void MED0019_in_a_notification_names_the_chain_of_the_handler_that_breaks_it_only()
    {
        var run = Run(OrderPlaced(string.Empty, "[UseMiddleware(typeof(Retry<,>))]"),
            Mw("Retry", "[Middleware(Explicit = true)] [MustRunOutside(Concerns.Transaction)]"),
            Mw("Tx", "[Middleware(Concern = Concerns.Transaction)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0019", DiagnosticSeverity.Warning, "typeof(Retry<,>)",
            "'App.Retry<TMessage, TResult>' must run outside 'App.Tx<TMessage, TResult>' but runs inside it in the pipeline of 'App.OrderPlaced (App.Stock)': declared by [MustRunOutside(concern Transaction)]; give 'App.Retry<TMessage, TResult>' a lower Order than 'App.Tx<TMessage, TResult>', or move it to another layer");
    }

    [Fact]
    public void A_broken_rule_between_shared_steps_is_reported_once_for_the_notification()
    {
        var run = Run(OrderPlaced(string.Empty, "[UseMiddleware(typeof(Own<,>))]"),
            Mw("Own", "[Middleware(Explicit = true)]"),
            Mw("Retry", "[Middleware(Order = 5)] [MustRunOutside(Concerns.Transaction)]"),
            Mw("Tx", "[Middleware(Order = 1, Concern = Concerns.Transaction)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0019", diagnostic.Id);
        Assert.Contains("in the pipeline of 'App.OrderPlaced':", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void MED0017_two_handler_middlewares_with_the_same_explicit_order()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(A<,>))] [UseMiddleware(typeof(B<,>))]"),
            Mw("A", "[Middleware(Order = 5, Explicit = true)]"),
            Mw("B", "[Middleware(Order = 5, Explicit = true)]"));

        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, diagnostics.Count);
        AnalyzerRun.AssertDiagnostic(diagnostics[0], "MED0017", DiagnosticSeverity.Error, "typeof(A<,>)",
            "'App.A<TMessage, TResult>' and 'App.B<TMessage, TResult>' both have Order 5 in one layer of the pipeline of 'App.Ping', and no [RunsBefore] or [RunsAfter] says which runs first; give one of them another Order or add [RunsBefore]");
        Assert.Equal("typeof(B<,>)", AnalyzerRun.SpanText(diagnostics[1]));
    }

    [Fact]
    public void MED0017_near_miss_an_order_set_on_UseMiddleware_or_the_same_order_in_another_layer()
    {
        Assert.Empty(Run(Ping, PingHandler("[UseMiddleware(typeof(A<,>))] [UseMiddleware(typeof(B<,>), Order = 6)]"),
            Mw("A", "[Middleware(Order = 5, Explicit = true)]"),
            Mw("B", "[Middleware(Order = 5, Explicit = true)]")).GeneratorDiagnostics);
        Assert.Empty(Run(Ping, PingHandler("[UseMiddleware(typeof(A<,>))]"),
            Mw("A", "[Middleware(Order = 5, Explicit = true)]"),
            Mw("Global", "[Middleware(Order = 5)]")).GeneratorDiagnostics);
    }

    [Fact]
    public void MED0018_a_cycle_inside_the_handler_layer()
    {
        var run = Run(Ping, PingHandler("[UseMiddleware(typeof(A<,>))] [UseMiddleware(typeof(B<,>))]"),
            Mw("A", "[Middleware(Explicit = true)] [RunsBefore(typeof(B<,>))]"),
            Mw("B", "[Middleware(Explicit = true)] [RunsBefore(typeof(A<,>))]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0018", DiagnosticSeverity.Error, "A",
            "The [RunsBefore]/[RunsAfter] constraints form a cycle: 'App.A<TMessage, TResult>' -> 'App.B<TMessage, TResult>' -> 'App.A<TMessage, TResult>'; remove one of them (the cycle is broken by Order, then name, meanwhile)");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0021_near_miss_a_request_gets_the_concern_it_asks_for_from_its_handlers_middleware()
    {
        var asking = "[RequiresConcern(\"Auditing\", Severity = RuleSeverity.Error)]\npublic sealed class AuditedAttribute : System.Attribute { }\n[Audited]\n" + Ping;

        Assert.Empty(Run(asking, PingHandler("[UseMiddleware(typeof(Audit<,>))]"), Mw("Audit", "[Middleware(Explicit = true, Concern = \"Auditing\")]")).GeneratorDiagnostics);
        Assert.Equal("MED0021", Assert.Single(Run(asking, PingHandler(string.Empty), Mw("Audit", "[Middleware(Explicit = true, Concern = \"Auditing\")]")).GeneratorDiagnostics).Id);
    }

    [Fact]
    public void MED0021_a_notification_whose_concern_only_one_handler_provides()
    {
        const string asks = "[Audited]";
        const string attribute = "[RequiresConcern(\"Auditing\", Severity = RuleSeverity.Error)]\npublic sealed class AuditedAttribute : System.Attribute { }";
        var audit = Mw("Audit", "[Middleware(Explicit = true, Concern = \"Auditing\")]");

        var one = Run(attribute, OrderPlaced(string.Empty, "[UseMiddleware(typeof(Audit<,>))]", asks), audit);
        var both = Run(attribute, OrderPlaced("[UseMiddleware(typeof(Audit<,>))]", "[UseMiddleware(typeof(Audit<,>))]", asks), audit);

        var diagnostic = Assert.Single(one.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0021", DiagnosticSeverity.Error, "Audited",
            "'App.OrderPlaced' asks for Auditing through [Audited], but no middleware in its pipeline provides it; add a middleware marked [Middleware(Concern = \"Auditing\")] whose constraints match it, or add the built-in one with [assembly: UseMiddleware(...)]");
        Assert.Empty(both.GeneratorDiagnostics);
    }
}
