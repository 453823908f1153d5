using Mediator;
using Mediator.Authorization;
using Mediator.Resilience;
using Mediator.Testing;
using Mediator.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BuiltInsTests;

/// <summary>
/// The built-ins configured by an attribute, around each handler of a notification, through the generated mediator:
/// each handler gets its own instance (its own deadline, breaker, retry loop and unit of work), so what happens to one
/// handler never reaches the others, and failures surface through <see cref="PublishException"/>.
/// </summary>
public sealed class NotificationBuiltInTests
{
    private static NoticeLog Log(MediatorTestClient client) => client.Services.GetRequiredService<NoticeLog>();

    private static Type[] MiddlewareAround(DispatchRecord dispatch, Type handler)
        => dispatch.Steps.Where(s => s.Kind == DispatchStepKind.Middleware && s.HandlerType == handler).Select(s => s.ComponentType).ToArray();

    [Fact]
    public async Task A_timeout_on_one_slow_handler_fails_that_handler_only_and_does_not_cancel_the_others()
    {
        var time = new FakeTimeProvider();
        using var client = BuiltInsHost.Client(time, new CapturingLoggerFactory());
        var log = Log(client);

        var publishing = client.Publish(new TimedNotice(1)).AsTask();
        await log.SlowStarted.Task;
        await log.QuickStarted.Task;
        time.Advance(TimeSpan.FromSeconds(1));
        // The slow handler's deadline (the notification's second) has passed; the quick one, still running on its own
        // five seconds, must not have seen it.
        await log.SlowCancelled.Task;
        Assert.False(log.QuickToken.IsCancellationRequested);
        log.QuickGate.SetResult();

        var failure = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => publishing)).Failures);
        Assert.Equal(typeof(SlowTimedNoticeHandler), failure.HandlerType);
        var timeout = Assert.IsType<MessageTimeoutException>(failure.Exception);
        Assert.Equal(TimeSpan.FromSeconds(1), timeout.Timeout);
        Assert.Contains("quick:done", log.Lines);
        var dispatch = client.Dispatches.Single();
        Assert.Contains(typeof(TimeoutMiddleware<TimedNotice, Unit>), MiddlewareAround(dispatch, typeof(SlowTimedNoticeHandler)));
        Assert.Contains(typeof(TimeoutMiddleware<TimedNotice, Unit>), MiddlewareAround(dispatch, typeof(QuickTimedNoticeHandler)));
    }

    [Fact]
    public async Task A_breaker_opened_by_one_flaky_handler_stops_that_handler_only_and_the_healthy_one_keeps_running()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var log = Log(client);
        var breakers = client.Services.GetRequiredService<CircuitBreakerRegistry>();

        for (var i = 0; i < 2; i++)
        {
            var failure = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => client.Publish(new GuardedNotice(i)).AsTask())).Failures);
            Assert.IsType<TransientException>(failure.Exception);
        }

        Assert.Equal(CircuitState.Open, breakers.GetState(typeof(GuardedNotice), typeof(FlakyGuardedNoticeHandler)));
        Assert.Equal(CircuitState.Closed, breakers.GetState(typeof(GuardedNotice), typeof(HealthyGuardedNoticeHandler)));

        var refused = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => client.Publish(new GuardedNotice(3)).AsTask())).Failures);
        Assert.Equal(typeof(FlakyGuardedNoticeHandler), refused.HandlerType);
        var open = Assert.IsType<CircuitOpenException>(refused.Exception);
        Assert.Equal(typeof(FlakyGuardedNoticeHandler), open.HandlerType);
        Assert.Equal(2, log.Calls("flaky"));     // the open circuit did not call it a third time
        Assert.Equal(3, log.Calls("healthy"));   // every publish reached it
    }

    [Fact]
    public async Task An_attribute_on_one_handler_class_wraps_that_handler_only()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var log = Log(client);
        var breakers = client.Services.GetRequiredService<CircuitBreakerRegistry>();

        var failure = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => client.Publish(new ShipmentNotice(1)).AsTask())).Failures);
        Assert.Equal(typeof(ShipmentTrackerHandler), failure.HandlerType);
        Assert.Equal(CircuitState.Open, breakers.GetState(typeof(ShipmentNotice), typeof(ShipmentTrackerHandler)));

        var dispatch = client.Dispatches.Single();
        var tracker = MiddlewareAround(dispatch, typeof(ShipmentTrackerHandler));
        var mailer = MiddlewareAround(dispatch, typeof(ShipmentMailerHandler));
        Assert.Equal(new[] { typeof(TimeoutMiddleware<ShipmentNotice, Unit>), typeof(CircuitBreakerMiddleware<ShipmentNotice, Unit>) }, tracker[^2..]);
        Assert.DoesNotContain(typeof(TimeoutMiddleware<ShipmentNotice, Unit>), mailer);
        Assert.DoesNotContain(typeof(CircuitBreakerMiddleware<ShipmentNotice, Unit>), mailer);
        Assert.Equal(tracker[..^2], mailer);     // the built-ins every handler shares, the same for both
        Assert.Equal(1, log.Calls("mailer"));
    }

    [Fact]
    public async Task Authorize_on_one_handler_class_refuses_that_handler_only()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var log = Log(client);
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("carol", "clerk"));

        var failure = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => client.Publish(new AuditedNotice(1)).AsTask())).Failures);
        Assert.Equal(typeof(AdminAuditedNoticeHandler), failure.HandlerType);
        Assert.Equal(AuthorizationFailure.Forbidden, Assert.IsType<AuthorizationException>(failure.Exception).Failure);
        Assert.Equal((0, 1), (log.Calls("admin"), log.Calls("open")));

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("dave", "admin"));
        await client.Publish(new AuditedNotice(2));
        Assert.Equal((1, 2), (log.Calls("admin"), log.Calls("open")));
    }

    [Fact]
    public async Task Retry_reruns_only_the_failed_handler_until_it_succeeds()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var log = Log(client);
        log.FailuresLeft = 2;

        await client.Publish(new RetriedNotice(1));

        Assert.Equal(3, log.Calls("flaky"));
        Assert.Equal(1, log.Calls("steady"));
    }

    [Fact]
    public async Task Retries_used_up_surface_as_the_handlers_last_failure_in_PublishException()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var log = Log(client);

        var failure = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => client.Publish(new RetriedNotice(1)).AsTask())).Failures);

        Assert.Equal(typeof(FlakyRetriedNoticeHandler), failure.HandlerType);
        Assert.IsType<TransientException>(failure.Exception);
        Assert.Equal(1, failure.Attempts);       // one delivery by the publisher; the three attempts were inside it
        Assert.False(failure.RetriesExhausted);  // that is the publisher's RetryException bound, not [Retry]'s
        Assert.Equal(3, log.Calls("flaky"));
        Assert.Equal(1, log.Calls("steady"));
    }

    [Fact]
    public async Task Retry_refuses_a_notification_handler_that_neither_it_nor_the_notification_declares_idempotent()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Publish(new UnsafeRetriedNotice(1)).AsTask());

        Assert.Contains(nameof(UnsafeRetriedNoticeHandler), refusal.Message);
        Assert.Contains(nameof(IIdempotent), refusal.Message);
    }

    [Fact]
    public async Task Each_handler_gets_its_own_transaction_the_failed_one_rolls_back_and_the_other_commits()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var log = Log(client);
        var transactions = client.Services.GetRequiredService<InMemoryTransactionManager>();

        var failure = Assert.Single((await Assert.ThrowsAsync<PublishException>(() => client.Publish(new RecordedNotice(1)).AsTask())).Failures);

        Assert.Equal(typeof(FailingRecordedNoticeHandler), failure.HandlerType);
        Assert.Contains("failing:rollback", log.Lines);
        Assert.Contains("succeeding:commit", log.Lines);
        Assert.DoesNotContain("failing:commit", log.Lines);
        Assert.DoesNotContain("succeeding:rollback", log.Lines);
        Assert.Equal((2, 1, 1), (transactions.Begun, transactions.Committed, transactions.RolledBack));
    }
}
