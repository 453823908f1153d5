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
    public void MED0022_a_validatable_stream_without_the_validation_middleware_is_a_warning()
    {
        var run = StreamRun(omit: "ValidationMiddleware");

        var diagnostic = Assert.Single(OrderingRules(run));
        Assert.Equal(("MED0022", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'App.Feed' asks for Validation", Message(diagnostic), StringComparison.Ordinal);
    }

    /// <summary>All eleven built-ins (but <paramref name="omit"/>) and a stream request that asks for authorization, validation and a timeout.</summary>
    private static GeneratorRun StreamRun(string? omit)
    {
        var lines = BuiltIns.Where(name => name != omit).Select(name => $"[assembly: UseMiddleware(typeof({name}<,>))]");
        var source = string.Join("\n", lines) + """

            namespace App;

            [Authorize(Roles = "clerk"), Timeout(Milliseconds = 500, BetweenItemsMilliseconds = 100)]
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
