using Mediator.Authorization;
using Mediator.Caching;
using Mediator.Logging;
using Mediator.Metrics;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Testing;
using Mediator.Transactions;
using Mediator.Validation;
using Microsoft.Extensions.Time.Testing;

namespace BuiltInsTests;

/// <summary>
/// The eleven built-ins, added with [assembly: UseMiddleware] at their default orders, observed running in the
/// generated pipelines: in the canonical order, and only where a message asks for the configured ones.
/// </summary>
public sealed class PipelineOrderTests
{
    private static readonly Type[] Canonical =
    {
        typeof(LoggingMiddleware<FullRequest, string>), typeof(ValidationMiddleware<FullRequest, string>),
        typeof(AuthorizationMiddleware<FullRequest, string>), typeof(MetricsMiddleware<FullRequest, string>),
        typeof(RateLimitMiddleware<FullRequest, string>), typeof(BulkheadMiddleware<FullRequest, string>),
        typeof(CachingMiddleware<FullRequest, string>), typeof(RetryMiddleware<FullRequest, string>),
        typeof(TimeoutMiddleware<FullRequest, string>), typeof(CircuitBreakerMiddleware<FullRequest, string>),
        typeof(TransactionMiddleware<FullRequest, string>),
    };

    [Fact]
    public async Task A_message_that_asks_for_everything_runs_all_eleven_in_the_canonical_order_then_the_handler()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));

        var answer = await client.Send(new FullRequest(1));

        Assert.Equal("alice:1:1", answer);
        var steps = client.Dispatches.Single().Steps;
        Assert.Equal(Canonical, steps.Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
        Assert.Equal(DispatchStepKind.Handler, steps[^1].Kind);
        Assert.Equal(typeof(TestHandlers), steps[^1].ComponentType);
    }

    [Fact]
    public async Task A_message_that_asks_for_nothing_runs_only_the_built_ins_that_need_no_attribute()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        AsyncLocalCallerAccessor.SignIn(null);

        Assert.Equal(14, await client.Send(new PlainRequest(7)));

        Assert.Equal(
            new[]
            {
                typeof(LoggingMiddleware<PlainRequest, int>), typeof(ValidationMiddleware<PlainRequest, int>),
                typeof(AuthorizationMiddleware<PlainRequest, int>), typeof(MetricsMiddleware<PlainRequest, int>),
                typeof(RateLimitMiddleware<PlainRequest, int>), typeof(BulkheadMiddleware<PlainRequest, int>),
            },
            client.Dispatches.Single().Steps.Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
    }

    [Fact]
    public async Task An_unauthorised_caller_is_stopped_by_authorization_and_never_reaches_caching_or_the_handler()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var probe = (HandlerProbe)client.Services.GetService(typeof(HandlerProbe))!;
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("mallory", "guest"));

        await Assert.ThrowsAsync<AuthorizationException>(async () => await client.Send(new FullRequest(1)));

        Assert.Equal(Canonical[..3], client.Dispatches.Single().Steps.Select(s => s.ComponentType));
        Assert.Equal(0, probe.Calls);
    }

    [Fact]
    public async Task No_caller_at_all_is_denied_for_a_message_that_requires_authorization()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        AsyncLocalCallerAccessor.SignIn(null);

        await Assert.ThrowsAsync<AuthorizationException>(async () => await client.Send(new FullRequest(1)));
    }

    [Fact]
    public async Task Notifications_get_the_built_ins_that_need_no_attribute_around_each_handler()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());

        await client.Publish(new Noticed(1));

        Assert.Equal(
            new[]
            {
                typeof(LoggingMiddleware<Noticed, global::Mediator.Unit>), typeof(ValidationMiddleware<Noticed, global::Mediator.Unit>),
                typeof(AuthorizationMiddleware<Noticed, global::Mediator.Unit>), typeof(MetricsMiddleware<Noticed, global::Mediator.Unit>),
                typeof(RateLimitMiddleware<Noticed, global::Mediator.Unit>), typeof(BulkheadMiddleware<Noticed, global::Mediator.Unit>),
            },
            client.Dispatches.Single().Steps.Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
    }
}
