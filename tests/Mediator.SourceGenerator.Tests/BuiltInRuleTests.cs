using Mediator.Caching;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The catalogue rules (MED0012-MED0016, MED0021) on the real built-ins of Mediator.Runtime, added with
/// [assembly: UseMiddleware] from its metadata: the order the user gives decides, the canonical default breaks none.
/// </summary>
public sealed class BuiltInRuleTests
{
    private static readonly string[] BuiltIns =
    {
        "LoggingMiddleware", "ValidationMiddleware", "AuthorizationMiddleware", "MetricsMiddleware", "RateLimitMiddleware",
        "BulkheadMiddleware", "CachingMiddleware", "RetryMiddleware", "TimeoutMiddleware", "CircuitBreakerMiddleware",
        "TransactionMiddleware",
    };

    [Fact]
    public void The_canonical_default_order_breaks_no_rule_and_compiles()
    {
        var run = Run();

        Assert.Empty(OrderingRules(run));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0012_caching_placed_outside_authorization_is_an_error_on_the_use_middleware_line()
    {
        var run = Run(("CachingMiddleware", -950));

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal("MED0012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("Order = -950", SpanText(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void MED0013_retry_placed_inside_the_transaction_is_an_error()
    {
        var run = Run(("TransactionMiddleware", -450));

        // The same misplacement also leaves the transaction outside retry, timeout and breaker (MED0016).
        Assert.Equal(new[] { "MED0013", "MED0016" }, OrderingRules(run).Select(d => d.Id).Distinct().Order());
        Assert.Equal(DiagnosticSeverity.Error, OrderingRules(run).First(d => d.Id == "MED0013").Severity);
    }

    [Fact]
    public void MED0014_a_breaker_placed_outside_retry_is_a_warning()
    {
        var diagnostic = Assert.Single(OrderingRules(Run(("CircuitBreakerMiddleware", -450))));

        Assert.Equal(("MED0014", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void MED0015_a_rate_limit_placed_inside_retry_is_a_warning()
    {
        var diagnostic = Assert.Single(OrderingRules(Run(("RateLimitMiddleware", -350))));

        Assert.Equal(("MED0015", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
    }

    [Fact]
    public void MED0016_a_transaction_that_is_not_innermost_is_a_warning()
    {
        var diagnostic = Assert.Single(OrderingRules(Run(("TransactionMiddleware", -250))));

        Assert.Equal(("MED0016", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("CircuitBreakerMiddleware", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void MED0021_an_authorize_message_without_the_authorization_middleware_is_an_error()
    {
        var run = Run(omit: "AuthorizationMiddleware");

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal(("MED0021", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Everything' asks for Authorization through [Authorize]", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void An_authorize_and_timeout_stream_is_wrapped_by_both_middlewares_and_breaks_no_rule()
    {
        var run = StreamRun(omit: null);

        Assert.Empty(OrderingRules(run));
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.Text.Contains("AuthorizationMiddleware<global::App.Feed, int>", StringComparison.Ordinal));
        Assert.Contains(run.GeneratedSources, s => s.Text.Contains("BetweenItemsMilliseconds = (int)(100)", StringComparison.Ordinal));
    }

    [Fact]
    public void MED0021_an_authorize_stream_without_the_authorization_middleware_is_an_error()
    {
        var run = StreamRun(omit: "AuthorizationMiddleware");

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal(("MED0021", DiagnosticSeverity.Error), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Feed' asks for Authorization through [Authorize]", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulkhead_stream_is_wrapped_by_the_bulkhead_and_without_it_gets_MED0022()
    {
        Assert.Contains(StreamRun(omit: null).GeneratedSources, s => s.Text.Contains("BulkheadMiddleware<global::App.Feed, int>", StringComparison.Ordinal));

        var diagnostic = Assert.Single(OrderingRules(StreamRun(omit: "BulkheadMiddleware")));
        Assert.Equal(("MED0022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Feed' asks for Bulkhead", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void A_circuit_breaker_stream_is_wrapped_by_the_breaker_and_without_it_gets_MED0022()
    {
        Assert.Contains(StreamRun(omit: null).GeneratedSources, s => s.Text.Contains("CircuitBreakerMiddleware<global::App.Feed, int>", StringComparison.Ordinal));

        var diagnostic = Assert.Single(OrderingRules(StreamRun(omit: "CircuitBreakerMiddleware")));
        Assert.Equal(("MED0022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Feed' asks for CircuitBreaker", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void MED0014_holds_on_a_stream_pipeline_a_stream_retry_of_the_users_placed_inside_the_breaker_is_reported_for_the_stream()
    {
        // The built-in retry serves no stream, so the rule can only meet a stream through a stream middleware of the
        // user's that declares the Retry concern; the same table entry must then judge the stream's pipeline.
        // A [Middleware] class of the app's own assembly joins every pipeline it matches: here, every stream.
        const string streamRetry = """

            namespace App.Streams
            {
                [Middleware(Order = -150, Concern = Concerns.Retry)]
                public sealed class StreamRetry<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
                {
                    public System.Collections.Generic.IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, IStreamNext<TRequest, TItem>
                        => next.InvokeAsync(request, context).GetAsyncEnumerator();
                }
            }
            """;
        var run = StreamRun(omit: null, extra: streamRetry);
        Assert.Empty(run.CompilationErrors);

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal(("MED0014", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("runs outside 'App.Streams.StreamRetry<TRequest, TItem>' in the pipeline of 'App.Feed'", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void MED0022_a_validatable_stream_without_the_validation_middleware_is_a_warning()
    {
        var run = StreamRun(omit: "ValidationMiddleware");

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal(("MED0022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Feed' asks for Validation", Message(diagnostic), StringComparison.Ordinal);
    }

    /// <summary>All eleven built-ins (but <paramref name="omit"/>) and a stream request that asks for authorization, validation, a timeout, a bulkhead and a circuit breaker; <paramref name="extra"/> is added to the source.</summary>
    private static GeneratorRun StreamRun(string? omit, string extra = "")
    {
        var lines = BuiltIns.Where(name => name != omit).Select(name => $"[assembly: UseMiddleware(typeof({name}<,>))]");
        var source = string.Join("\n", lines) + """

            namespace App;

            [Authorize(Roles = "clerk"), Timeout(Milliseconds = 500, BetweenItemsMilliseconds = 100), Bulkhead(MaxConcurrency = 2), CircuitBreaker]
            public sealed record Feed(int Count) : IStreamRequest<int>, IValidatable
            {
                public void Validate(ValidationErrors errors) { }
            }

            [Handler]
            public sealed class FeedHandler : IStreamRequestHandler<Feed, int>
            {
                public async System.Collections.Generic.IAsyncEnumerable<int> Handle(Feed request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (var i = 0; i < request.Count; i++) { await Task.Yield(); yield return i; }
                }
            }
            """;
        return GeneratorRun.For(new[] { ConcernUsings + source, extra }, RuntimeReferences.Value);
    }

    [Fact]
    public void MED0022_a_transactional_notification_handler_class_without_the_transaction_middleware_is_the_same_warning_as_for_a_request()
    {
        var run = NotificationRun(omit: "TransactionMiddleware");

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal(("MED0022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Ledger' asks for Transaction through [Transactional]", Message(diagnostic), StringComparison.Ordinal);
        Assert.Equal("Transactional", SpanText(diagnostic));
    }

    [Fact]
    public void MED0022_a_notification_asking_for_a_timeout_without_the_timeout_middleware_is_a_warning()
    {
        var run = NotificationRun(omit: "TimeoutMiddleware");

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal("MED0022", diagnostic.Id);
        Assert.Contains("'App.Placed' asks for Timeout through [Timeout]", Message(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void MED0022_a_cached_notification_is_reported_because_caching_serves_requests_only()
    {
        var lines = BuiltIns.Select(name => $"[assembly: UseMiddleware(typeof({name}<,>))]");
        var source = string.Join("\n", lines) + """

            namespace App;

            [Cache]
            public sealed record Priced(int Id) : INotification;

            [Handler]
            public sealed class Quote : INotificationHandler<Priced>
            {
                public ValueTask Handle(Priced notification, CancellationToken cancellationToken) => default;
            }
            """;
        var run = GeneratorRun.For(new[] { ConcernUsings + source }, RuntimeReferences.Value);

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal("MED0022", diagnostic.Id);
        Assert.Contains("'App.Priced' asks for Caching through [Cache]", Message(diagnostic), StringComparison.Ordinal);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("CachingMiddleware<global::App.Priced", StringComparison.Ordinal));
    }

    [Fact]
    public void A_notification_with_per_handler_built_ins_at_their_default_orders_breaks_no_rule()
    {
        Assert.Empty(OrderingRules(NotificationRun(omit: null)));
    }

    [Fact]
    public void MED0013_retry_moved_inside_a_handlers_transaction_is_reported_on_that_handlers_chain()
    {
        var run = NotificationRun(omit: null, moved: ("RetryMiddleware", -50));

        // Retry inside the breaker and the transaction of the one handler that has them: MED0013 (error), and with it
        // the breaker outside retry (MED0014) and the transaction outside retry (MED0016), all on Ledger's chain only.
        Assert.Equal(new[] { "MED0013", "MED0014", "MED0016" }, OrderingRules(run).Select(d => d.Id).Order());
        var diagnostic = OrderingRules(run).Single(d => d.Id == "MED0013");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.All(OrderingRules(run), d => Assert.Contains("'App.Placed (App.Ledger)'", Message(d), StringComparison.Ordinal));
    }

    /// <summary>
    /// All eleven built-ins (but <paramref name="omit"/>) and a notification with a timeout and a retry on its type, two
    /// idempotent handlers, one of which asks for a transaction and a circuit breaker on its class.
    /// </summary>
    private static GeneratorRun NotificationRun(string? omit, (string Middleware, int Order)? moved = null)
    {
        var lines = BuiltIns.Where(name => name != omit).Select(name =>
            moved is { } m && m.Middleware == name
                ? $"[assembly: UseMiddleware(typeof({name}<,>), Order = {m.Order})]"
                : $"[assembly: UseMiddleware(typeof({name}<,>))]");
        var source = string.Join("\n", lines) + """

            namespace App;

            [Timeout(Milliseconds = 500), Retry(MaxAttempts = 2)]
            public sealed record Placed(int Id) : INotification, IIdempotent;

            [Handler]
            [Transactional, CircuitBreaker(FailureThreshold = 3)]
            public sealed class Ledger : INotificationHandler<Placed>
            {
                public ValueTask Handle(Placed notification, CancellationToken cancellationToken) => default;
            }

            [Handler]
            public sealed class Mailer : INotificationHandler<Placed>
            {
                public ValueTask Handle(Placed notification, CancellationToken cancellationToken) => default;
            }
            """;
        return GeneratorRun.For(new[] { ConcernUsings + source }, RuntimeReferences.Value);
    }

    /// <summary>The root namespace and every concern's, as an application using all the built-ins imports them.</summary>
    private const string ConcernUsings = """
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Mediator;
        global using Mediator.Authorization;
        global using Mediator.Caching;
        global using Mediator.Logging;
        global using Mediator.Metrics;
        global using Mediator.RateLimiting;
        global using Mediator.Resilience;
        global using Mediator.Transactions;
        global using Mediator.Validation;

        """;

    /// <summary>All eleven built-ins (but <paramref name="omit"/>) on a message that asks for every concern.</summary>
    private static GeneratorRun Run((string Middleware, int Order)? moved = null, string? omit = null)
    {
        var lines = BuiltIns.Where(name => name != omit).Select(name =>
            moved is { } m && m.Middleware == name
                ? $"[assembly: UseMiddleware(typeof({name}<,>), Order = {m.Order})]"
                : $"[assembly: UseMiddleware(typeof({name}<,>))]");
        var source = string.Join("\n", lines) + """

            namespace App;

            [Authorize(Roles = "clerk"), Cache, Retry, Timeout, CircuitBreaker, Bulkhead, Transactional]
            public sealed record Everything(int Id) : IQuery<int>, IValidatable
            {
                public void Validate(ValidationErrors errors) { }
            }

            [Handler]
            public sealed class EverythingHandler : IRequestHandler<Everything, int>
            {
                public ValueTask<int> Handle(Everything request, CancellationToken cancellationToken) => new(request.Id);
            }
            """;
        return GeneratorRun.For(new[] { ConcernUsings + source }, RuntimeReferences.Value);
    }

    /// <summary>Mediator.Runtime and what its public constructors name (logging), as a user project references them.</summary>
    private static readonly Lazy<MetadataReference[]> RuntimeReferences = new(() => new[]
    {
        typeof(CachingMiddleware<,>).Assembly.Location,
        typeof(Microsoft.Extensions.Logging.ILoggerFactory).Assembly.Location,
    }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray());

    private static List<Diagnostic> OrderingRules(GeneratorRun run)
        => run.GeneratorDiagnostics.Where(d => string.CompareOrdinal(d.Id, "MED0012") >= 0 && string.CompareOrdinal(d.Id, "MED0025") <= 0).ToList();

    private static string SpanText(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
}
