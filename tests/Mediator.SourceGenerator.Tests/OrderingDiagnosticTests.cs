using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// The ordering rules (MED0012-MED0025): where each fires (ID, severity, span, message) and a near miss where it does
/// not. The fixture middleware carries the same attributes the built-ins declare, so the catalogue is tested as data.
/// </summary>
public sealed class OrderingDiagnosticTests
{
    [Fact]
    public void MED0012_caching_outside_authorization_is_reported_on_its_order()
    {
        var run = Run(
            Mw("Cache", """[Middleware(Order = -1000, Concern = Concerns.Caching)] [MustRunInside(Concerns.Authorization, Severity = RuleSeverity.Error, RuleId = "MED0012", Reason = "a cache hit would skip the permission check")]"""),
            Mw("Auth", "[Middleware(Order = -900, Concern = Concerns.Authorization)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0012", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Order = -1000", SpanText(diagnostic));
        Assert.Equal(
            "'App.Cache<TRequest, TResponse>' runs outside 'App.Auth<TRequest, TResponse>' in the pipelines of 'App.Ping', 'App.Pong': a cache hit would skip the permission check; make it run inside 'App.Auth<TRequest, TResponse>' (give it a higher Order, or move it to an inner layer)",
            Message(diagnostic));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0012_near_miss_caching_inside_authorization_or_authorization_absent()
    {
        const string cache = """[Middleware(Order = -500, Concern = Concerns.Caching)] [MustRunInside(Concerns.Authorization, Severity = RuleSeverity.Error, RuleId = "MED0012")]""";
        Assert.Empty(Run(Mw("Cache", cache), Mw("Auth", "[Middleware(Order = -900, Concern = Concerns.Authorization)]")).GeneratorDiagnostics);

        // The authorization middleware wraps only IAdmin messages, which have no handler: the rule has nothing to check.
        Assert.Empty(Run(Mw("Cache", cache), Mw("Auth", "[Middleware(Order = -900, Concern = Concerns.Authorization)]", "where TRequest : IRequest<TResponse>, IAdmin")).GeneratorDiagnostics
            .Where(d => d.Id != "MED0008"));
    }

    [Fact]
    public void MED0012_is_broken_by_layers_too_a_global_cache_is_outside_a_message_authorization()
    {
        var run = Run(
            Mw("Cache", """[Middleware(Order = 100, Concern = Concerns.Caching)] [MustRunInside(Concerns.Authorization, Severity = RuleSeverity.Error, RuleId = "MED0012")]"""),
            """
            [Middleware(Order = -900, Concern = Concerns.Authorization)]
            public sealed class PingAuth : IRequestMiddleware<Ping, int>
            {
                public ValueTask<int> InvokeAsync<TNext>(Ping request, TNext next, MessageContext context)
                    where TNext : struct, INext<Ping, int> => next.InvokeAsync(request, context);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0012", diagnostic.Id);
        Assert.Equal("Order = 100", SpanText(diagnostic));
        Assert.Equal(
            "'App.Cache<TRequest, TResponse>' runs outside 'App.PingAuth' in the pipeline of 'App.Ping': a cache hit would skip the permission check; make it run inside 'App.PingAuth' (give it a higher Order, or move it to an inner layer)",
            Message(diagnostic));
    }

    [Fact]
    public void MED0013_retry_inside_transaction()
    {
        var run = Run(
            Mw("Retry", """[Middleware(Concern = Concerns.Retry)] [MustRunOutside(Concerns.Transaction, Severity = RuleSeverity.Error, RuleId = "MED0013", Reason = "every attempt needs a fresh unit of work")]"""),
            Mw("Tx", "[Middleware(Order = -100, Concern = Concerns.Transaction)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0013", DiagnosticSeverity.Error, "Retry",
            "'App.Retry<TRequest, TResponse>' runs inside 'App.Tx<TRequest, TResponse>' in the pipelines of 'App.Ping', 'App.Pong': every attempt needs a fresh unit of work; make it run outside 'App.Tx<TRequest, TResponse>' (give it a lower Order, or move it to an outer layer)");
    }

    [Fact]
    public void MED0013_near_miss_retry_outside_transaction()
        => Assert.Empty(Run(
            Mw("Retry", """[Middleware(Order = -400, Concern = Concerns.Retry)] [MustRunOutside(Concerns.Transaction, Severity = RuleSeverity.Error, RuleId = "MED0013")]"""),
            Mw("Tx", "[Middleware(Order = -100, Concern = Concerns.Transaction)]")).GeneratorDiagnostics);

    [Fact]
    public void MED0014_circuit_breaker_outside_retry_uses_the_catalogue_reason_when_none_is_given()
    {
        var run = Run(
            Mw("Breaker", """[Middleware(Order = -500, Concern = Concerns.CircuitBreaker)] [MustRunInside(Concerns.Retry, RuleId = "MED0014")]"""),
            Mw("Retry", "[Middleware(Order = -400, Concern = Concerns.Retry)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0014", DiagnosticSeverity.Warning, "Order = -500",
            "'App.Breaker<TRequest, TResponse>' runs outside 'App.Retry<TRequest, TResponse>' in the pipelines of 'App.Ping', 'App.Pong': the breaker would see one outcome per N attempts; make it run inside 'App.Retry<TRequest, TResponse>' (give it a higher Order, or move it to an inner layer)");
    }

    [Fact]
    public void MED0014_near_miss_breaker_inside_retry()
        => Assert.Empty(Run(
            Mw("Breaker", """[Middleware(Order = -200, Concern = Concerns.CircuitBreaker)] [MustRunInside(Concerns.Retry, RuleId = "MED0014")]"""),
            Mw("Retry", "[Middleware(Order = -400, Concern = Concerns.Retry)]")).GeneratorDiagnostics);

    [Fact]
    public void MED0015_rate_limit_inside_retry()
    {
        var run = Run(
            Mw("Limit", """[Middleware(Order = -300, Concern = Concerns.RateLimit)] [MustRunOutside(Concerns.Retry, RuleId = "MED0015")]"""),
            Mw("Retry", "[Middleware(Order = -400, Concern = Concerns.Retry)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0015", DiagnosticSeverity.Warning, "Order = -300",
            "'App.Limit<TRequest, TResponse>' runs inside 'App.Retry<TRequest, TResponse>' in the pipelines of 'App.Ping', 'App.Pong': every retry would take another permit; make it run outside 'App.Retry<TRequest, TResponse>' (give it a lower Order, or move it to an outer layer)");
    }

    [Fact]
    public void MED0015_near_miss_rate_limit_outside_retry()
        => Assert.Empty(Run(
            Mw("Limit", """[Middleware(Order = -700, Concern = Concerns.RateLimit)] [MustRunOutside(Concerns.Retry, RuleId = "MED0015")]"""),
            Mw("Retry", "[Middleware(Order = -400, Concern = Concerns.Retry)]")).GeneratorDiagnostics);

    [Fact]
    public void MED0016_transaction_not_innermost_is_reported_once_per_middleware_it_wraps()
    {
        var run = Run(
            Mw("Tx", """[Middleware(Order = -1000, Concern = Concerns.Transaction)] [MustRunInside(Concerns.Caching, RuleId = "MED0016")] [MustRunInside(Concerns.Retry, RuleId = "MED0016")] [MustRunInside(Concerns.Logging, RuleId = "MED0016")]"""),
            Mw("Cache", "[Middleware(Order = -500, Concern = Concerns.Caching)]"),
            Mw("Log", "[Middleware(Order = -1100, Concern = Concerns.Logging)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0016", DiagnosticSeverity.Warning, "Order = -1000",
            "'App.Tx<TRequest, TResponse>' runs outside 'App.Cache<TRequest, TResponse>' in the pipelines of 'App.Ping', 'App.Pong': the unit of work should wrap the handler alone; make it run inside 'App.Cache<TRequest, TResponse>' (give it a higher Order, or move it to an inner layer)");
    }

    [Fact]
    public void MED0016_near_miss_transaction_innermost()
        => Assert.Empty(Run(
            Mw("Tx", """[Middleware(Order = -100, Concern = Concerns.Transaction)] [MustRunInside(Concerns.Caching, RuleId = "MED0016")]"""),
            Mw("Cache", "[Middleware(Order = -500, Concern = Concerns.Caching)]")).GeneratorDiagnostics);

    [Fact]
    public void MED0017_same_explicit_order_in_one_layer_is_reported_on_both_orders()
    {
        var run = Run(Mw("Audit", "[Middleware(Order = 10)]"), Mw("Trace", "[Middleware(Order = 10)]"));

        var diagnostics = Sorted(run);
        Assert.Equal(2, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0017", DiagnosticSeverity.Error, "Order = 10",
            "'App.Audit<TRequest, TResponse>' and 'App.Trace<TRequest, TResponse>' both have Order 10 in one layer of the pipelines of 'App.Ping', 'App.Pong', and no [RunsBefore] or [RunsAfter] says which runs first; give one of them another Order or add [RunsBefore]");
        AssertDiagnostic(diagnostics[1], "MED0017", DiagnosticSeverity.Error, "Order = 10",
            "'App.Trace<TRequest, TResponse>' and 'App.Audit<TRequest, TResponse>' both have Order 10 in one layer of the pipelines of 'App.Ping', 'App.Pong', and no [RunsBefore] or [RunsAfter] says which runs first; give one of them another Order or add [RunsBefore]");
        Assert.NotEqual(diagnostics[0].Location.SourceTree, diagnostics[1].Location.SourceTree);
    }

    [Fact]
    public void MED0017_near_miss_default_orders_linked_pairs_and_different_layers()
    {
        // Both left at the default: no preference, sorted by name.
        Assert.Empty(Run(Mw("Audit", "[Middleware]"), Mw("Trace", "[Middleware(Direction = MiddlewareDirection.OnMessage)]")).GeneratorDiagnostics);

        // Same explicit order, but a before/after constraint decides.
        Assert.Empty(Run(Mw("Audit", "[Middleware(Order = 10)] [RunsBefore(typeof(Trace<,>))]"), Mw("Trace", "[Middleware(Order = 10)]")).GeneratorDiagnostics);

        // Same order, different layers (global and message).
        Assert.Empty(Run(Mw("Audit", "[Middleware(Order = 10)]"), """
            [Middleware(Order = 10)]
            public sealed class PingOnly : IRequestMiddleware<Ping, int>
            {
                public ValueTask<int> InvokeAsync<TNext>(Ping request, TNext next, MessageContext context)
                    where TNext : struct, INext<Ping, int> => next.InvokeAsync(request, context);
            }
            """).GeneratorDiagnostics);
    }

    [Fact]
    public void MED0018_cycle_is_reported_once_naming_it()
    {
        var run = Run(
            Mw("First", "[Middleware] [RunsBefore(typeof(Second<,>))]"),
            Mw("Second", "[Middleware] [RunsBefore(typeof(Third<,>))]"),
            Mw("Third", "[Middleware] [RunsBefore(typeof(First<,>))]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0018", DiagnosticSeverity.Error, "First",
            "The [RunsBefore]/[RunsAfter] constraints form a cycle: 'App.First<TRequest, TResponse>' -> 'App.Second<TRequest, TResponse>' -> 'App.Third<TRequest, TResponse>' -> 'App.First<TRequest, TResponse>'; remove one of them (the cycle is broken by Order, then name, meanwhile)");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0018_near_miss_a_chain_and_a_cycle_through_an_absent_middleware()
    {
        Assert.Empty(Run(Mw("First", "[Middleware] [RunsBefore(typeof(Second<,>))]"), Mw("Second", "[Middleware] [RunsAfter(typeof(First<,>))]")).GeneratorDiagnostics);

        // Third wraps only IAdmin messages (none is handled), so First and Second never meet it: no cycle in any pipeline.
        var run = Run(
            Mw("First", "[Middleware] [RunsBefore(typeof(Second<,>))]"),
            Mw("Second", "[Middleware] [RunsBefore(typeof(Third<,>))]"),
            Mw("Third", "[Middleware] [RunsBefore(typeof(First<,>))]", "where TRequest : IRequest<TResponse>, IAdmin"));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "MED0018");
    }

    [Fact]
    public void MED0019_own_rule_with_warning_severity_quotes_the_reason()
    {
        var run = Run(
            Mw("Audit", """[Middleware(Order = -10)] [MustRunInside(typeof(Authenticate<,>), Reason = "the audit records the caller")]"""),
            Mw("Authenticate", "[Middleware]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0019", DiagnosticSeverity.Warning, "Order = -10",
            "'App.Audit<TRequest, TResponse>' must run inside 'App.Authenticate<TRequest, TResponse>' but runs outside it in the pipelines of 'App.Ping', 'App.Pong': the audit records the caller; give 'App.Audit<TRequest, TResponse>' a higher Order than 'App.Authenticate<TRequest, TResponse>', or move it to another layer");
    }

    [Fact]
    public void MED0019_near_miss_rule_kept_and_unknown_rule_id_falls_back_to_the_general_id()
    {
        Assert.Empty(Run(Mw("Audit", "[Middleware(Order = 10)] [MustRunInside(typeof(Authenticate<,>))]"), Mw("Authenticate", "[Middleware]")).GeneratorDiagnostics);

        // A catalogue ID whose direction does not match the attribute is not borrowed.
        var run = Run(Mw("Audit", """[Middleware(Order = 10)] [MustRunOutside(typeof(Authenticate<,>), RuleId = "MED0012")]"""), Mw("Authenticate", "[Middleware]"));
        Assert.Equal("MED0019", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void MED0020_own_rule_with_error_severity_and_default_reason()
    {
        var run = Run(
            Mw("Audit", "[Middleware] [MustRunOutside(typeof(Authenticate<,>), Severity = RuleSeverity.Error)]"),
            Mw("Authenticate", "[Middleware(Order = -5)]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0020", DiagnosticSeverity.Error, "Audit",
            "'App.Audit<TRequest, TResponse>' must run outside 'App.Authenticate<TRequest, TResponse>' but runs inside it in the pipelines of 'App.Ping', 'App.Pong': declared by [MustRunOutside(App.Authenticate)]; give 'App.Audit<TRequest, TResponse>' a lower Order than 'App.Authenticate<TRequest, TResponse>', or move it to another layer");
    }

    [Fact]
    public void MED0020_near_miss_rule_kept()
        => Assert.Empty(Run(
            Mw("Audit", "[Middleware(Order = -10)] [MustRunOutside(typeof(Authenticate<,>), Severity = RuleSeverity.Error)]"),
            Mw("Authenticate", "[Middleware(Order = -5)]")).GeneratorDiagnostics);

    [Fact]
    public void MED0021_authorize_without_authorization_middleware_is_reported_on_the_attribute()
    {
        var run = Run("""
            [RequiresConcern(Concerns.Authorization, Severity = RuleSeverity.Error)]
            public sealed class AuthorizeAttribute : System.Attribute { public string? Policy { get; set; } }

            [Authorize(Policy = "admin")]
            public sealed class Secret : IRequest<int> { }

            [Handler]
            public sealed class SecretHandler : IRequestHandler<Secret, int>
            {
                public ValueTask<int> Handle(Secret request, CancellationToken cancellationToken) => new(1);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0021", DiagnosticSeverity.Error, "Authorize(Policy = \"admin\")",
            "'App.Secret' asks for Authorization through [Authorize], but no middleware in its pipeline provides it; add a middleware marked [Middleware(Concern = \"Authorization\")] whose constraints match it, or add the built-in one with [assembly: UseMiddleware(...)]");
    }

    [Fact]
    public void MED0021_near_miss_authorization_middleware_present()
    {
        var run = Run(Mw("Auth", "[Middleware(Concern = Concerns.Authorization)]"), """
            [RequiresConcern(Concerns.Authorization, Severity = RuleSeverity.Error)]
            public sealed class AuthorizeAttribute : System.Attribute { }

            [Authorize]
            public sealed class Secret : IRequest<int> { }

            [Handler]
            public sealed class SecretHandler : IRequestHandler<Secret, int>
            {
                public ValueTask<int> Handle(Secret request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void MED0022_interface_asking_for_validation_is_reported_on_the_message_name()
    {
        var run = Run("""
            [RequiresConcern("Validation")]
            public interface IValidated { }

            public sealed class Order : IRequest<int>, IValidated { }

            [Handler]
            public sealed class OrderHandler : IRequestHandler<Order, int>
            {
                public ValueTask<int> Handle(Order request, CancellationToken cancellationToken) => new(1);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0022", DiagnosticSeverity.Warning, "Order",
            "'App.Order' asks for Validation through IValidated, but no middleware in its pipeline provides it; add a middleware marked [Middleware(Concern = \"Validation\")] whose constraints match it, or add the built-in one with [assembly: UseMiddleware(...)]");
    }

    [Fact]
    public void MED0022_near_miss_validation_middleware_matches_through_the_interface()
    {
        var run = Run(Mw("Validate", "[Middleware(Concern = \"Validation\")]", "where TRequest : IRequest<TResponse>, IValidated"), """
            [RequiresConcern("Validation")]
            public interface IValidated { }

            public sealed class Order : IRequest<int>, IValidated { }

            [Handler]
            public sealed class OrderHandler : IRequestHandler<Order, int>
            {
                public ValueTask<int> Handle(Order request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void MED0023_use_middleware_on_a_type_without_the_attribute()
    {
        var run = RunWith("[assembly: Mediator.UseMiddleware(typeof(App.NotMiddleware))]", new[] { "public sealed class NotMiddleware { }" });

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0023", DiagnosticSeverity.Error, "typeof(App.NotMiddleware)",
            "[assembly: UseMiddleware] cannot add 'App.NotMiddleware': it is not marked [Middleware]");
    }

    [Fact]
    public void MED0023_near_miss_unresolvable_typeof_is_left_to_the_compiler()
    {
        var run = RunWith("[assembly: Mediator.UseMiddleware(typeof(App.DoesNotExist<,>))]", Array.Empty<string>());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompilationErrors, d => d.Id == "CS0234");
    }

    [Fact]
    public void MED0024_ordering_attribute_naming_a_non_middleware_type()
    {
        var run = Run(Mw("Audit", "[Middleware] [RunsBefore(typeof(PingHandler))]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0024", DiagnosticSeverity.Warning, "typeof(PingHandler)",
            "[RunsBefore] on 'App.Audit<TRequest, TResponse>' names 'App.PingHandler', which is not marked [Middleware], so the constraint can never apply; name a [Middleware] class or a concern");
    }

    [Fact]
    public void MED0024_near_miss_middleware_and_concern_targets()
        => Assert.Empty(Run(Mw("Audit", "[Middleware] [RunsBefore(typeof(Trace<,>))] [RunsAfter(Concerns.Logging)]"), Mw("Trace", "[Middleware]")).GeneratorDiagnostics);

    [Fact]
    public void MED0025_empty_concern_name()
    {
        var run = Run(Mw("Cache", "[Middleware(Concern = \" \")]"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0025", DiagnosticSeverity.Error, "Concern = \" \"",
            "[Middleware(Concern = ...)] on 'App.Cache<TRequest, TResponse>' names an empty concern; use a name from Mediator.Concerns, or a name of your own without leading or trailing spaces");
    }

    [Fact]
    public void MED0025_near_miss_own_concern_name()
        => Assert.Empty(Run(Mw("Cache", "[Middleware(Concern = \"MyCompany.Audit\")] [RunsBefore(\"MyCompany.Other\")]")).GeneratorDiagnostics);

    /// <summary>Ping and Pong with handlers, an IAdmin marker nothing implements, plus the given declarations in namespace App.</summary>
    internal static GeneratorRun Run(params string[] declarations)
        => RunWith(string.Empty, declarations);

    private static GeneratorRun RunWith(string assemblyAttributes, string[] declarations)
    {
        var sources = new List<string>
        {
            Sources.Usings + assemblyAttributes + """

                namespace App;
                public interface IAdmin { }
                public sealed class Ping : IRequest<int> { }
                public sealed class Pong : IRequest<string> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
                [Handler]
                public sealed class PongHandler : IRequestHandler<Pong, string>
                {
                    public ValueTask<string> Handle(Pong request, CancellationToken cancellationToken) => new("pong");
                }
                """,
        };
        sources.AddRange(declarations.Where(s => s.Length > 0).Select(s => Sources.Usings + "namespace App;\n" + s));
        return GeneratorRun.For(sources.ToArray());
    }

    internal static string Mw(string name, string attributes, string constraints = "where TRequest : IRequest<TResponse>") => $$"""
        {{attributes}}
        public sealed class {{name}}<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {{constraints}}
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    private static List<Diagnostic> Sorted(GeneratorRun run)
        => run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();

    private static string SpanText(Diagnostic diagnostic) => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string spanText, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(spanText, SpanText(diagnostic));
        Assert.Equal(message, Message(diagnostic));
        Assert.Equal($"https://github.com/mediator-net/mediator/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }
}
