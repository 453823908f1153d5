using Mediator;
using Mediator.Authorization;
using Mediator.Resilience;
using Mediator.Transactions;
using Mediator.Validation;

namespace BuiltInsTests;

/// <summary>
/// The stress test's notification: three handlers, delivered concurrently, each wrapped in the shared built-ins and
/// its own retry, timeout, breaker and transaction. Retries have no back-off so that fake time never has to move for
/// them; every handler is idempotent by its notification.
/// </summary>
[Authorize(Roles = "clerk")]
[Retry(MaxAttempts = 3, BaseDelayMilliseconds = 0, Jitter = false)]
[Timeout(Milliseconds = 3_600_000)]
[CircuitBreaker(FailureThreshold = 4, BreakDurationSeconds = 1, ProbeTimeoutSeconds = 3_600)]
[Bulkhead(MaxConcurrency = 24, QueueLimit = 120)]
[Transactional]
[PublishStrategy(PublishStrategy.Concurrent)]
public sealed record StressNotice(int Caller, int Call) : INotification, IIdempotent, IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Require(Call >= 0, nameof(Call), "must not be negative");
}

/// <summary>The three handlers of <see cref="StressNotice"/>: the same work, a transient fault on about 10% of calls.</summary>
internal static class StressNoticeWork
{
    public static async ValueTask Handle(StressProbe probe, ITransactionContext transactions)
    {
        if (transactions.Current is null) throw new InvalidOperationException("a notification handler ran outside its transaction");
        await Task.Yield();
        if (Random.Shared.Next(10) == 0) throw new TransientException("injected fault");
        probe.NoticeDelivered();
    }
}

[Handler]
public sealed class StressNoticeAudit(StressProbe probe, ITransactionContext transactions) : INotificationHandler<StressNotice>
{
    public ValueTask Handle(StressNotice notification, CancellationToken cancellationToken) => StressNoticeWork.Handle(probe, transactions);
}

[Handler]
public sealed class StressNoticeLedger(StressProbe probe, ITransactionContext transactions) : INotificationHandler<StressNotice>
{
    public ValueTask Handle(StressNotice notification, CancellationToken cancellationToken) => StressNoticeWork.Handle(probe, transactions);
}

[Handler]
public sealed class StressNoticeMailer(StressProbe probe, ITransactionContext transactions) : INotificationHandler<StressNotice>
{
    public ValueTask Handle(StressNotice notification, CancellationToken cancellationToken) => StressNoticeWork.Handle(probe, transactions);
}
