using Mediator;
using Mediator.Resilience;
using Mediator.Transactions;

namespace BuiltInsTests;

/// <summary>Waits on its token: only its own deadline ends it.</summary>
[Handler]
public sealed class SlowTimedNoticeHandler(NoticeLog log) : INotificationHandler<TimedNotice>
{
    public async ValueTask Handle(TimedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("slow");
        log.SlowStarted.TrySetResult();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        finally
        {
            log.SlowCancelled.TrySetResult();
        }
    }
}

/// <summary>
/// Waits at a gate the test opens after the slow handler timed out, then completes. Its class gives it a deadline of
/// its own, longer than the notification's, which the slow handler keeps.
/// </summary>
[Handler]
[Timeout(Milliseconds = 5_000)]
public sealed class QuickTimedNoticeHandler(NoticeLog log) : INotificationHandler<TimedNotice>
{
    public async ValueTask Handle(TimedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("quick");
        log.QuickToken = cancellationToken;
        log.QuickStarted.TrySetResult();
        await log.QuickGate.Task.WaitAsync(cancellationToken);
        log.Lines.Enqueue("quick:done");
    }
}

/// <summary>Fails while the log says so.</summary>
[Handler]
public sealed class FlakyGuardedNoticeHandler(NoticeLog log) : INotificationHandler<GuardedNotice>
{
    public ValueTask Handle(GuardedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("flaky");
        log.FailIfAsked("flaky");
        return default;
    }
}

/// <summary>Always succeeds.</summary>
[Handler]
public sealed class HealthyGuardedNoticeHandler(NoticeLog log) : INotificationHandler<GuardedNotice>
{
    public ValueTask Handle(GuardedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("healthy");
        return default;
    }
}

/// <summary>Behind a breaker of its own (its class carries the attribute, the notification does not); fails while asked.</summary>
[Handler]
[CircuitBreaker(FailureThreshold = 1, BreakDurationSeconds = 60)]
[Timeout(Milliseconds = 5_000)]
public sealed class ShipmentTrackerHandler(NoticeLog log) : INotificationHandler<ShipmentNotice>
{
    public ValueTask Handle(ShipmentNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("tracker");
        log.FailIfAsked("tracker");
        return default;
    }
}

/// <summary>No attribute: no breaker, no deadline.</summary>
[Handler]
public sealed class ShipmentMailerHandler(NoticeLog log) : INotificationHandler<ShipmentNotice>
{
    public ValueTask Handle(ShipmentNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("mailer");
        return default;
    }
}

/// <summary>Idempotent on its own say-so; fails while the log says so.</summary>
[Handler]
public sealed class FlakyRetriedNoticeHandler(NoticeLog log) : INotificationHandler<RetriedNotice>, IIdempotent
{
    public ValueTask Handle(RetriedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("flaky");
        log.FailIfAsked("flaky");
        return default;
    }
}

/// <summary>Idempotent on its own say-so; always succeeds.</summary>
[Handler]
public sealed class SteadyRetriedNoticeHandler(NoticeLog log) : INotificationHandler<RetriedNotice>, IIdempotent
{
    public ValueTask Handle(RetriedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("steady");
        return default;
    }
}

/// <summary>Not idempotent, under a [Retry] notification.</summary>
[Handler]
public sealed class UnsafeRetriedNoticeHandler : INotificationHandler<UnsafeRetriedNotice>
{
    public ValueTask Handle(UnsafeRetriedNotice notification, CancellationToken cancellationToken) => default;
}

/// <summary>Writes in its transaction, then fails: its writes must be rolled back.</summary>
[Handler]
public sealed class FailingRecordedNoticeHandler(NoticeLog log, ITransactionContext transactions) : INotificationHandler<RecordedNotice>
{
    public ValueTask Handle(RecordedNotice notification, CancellationToken cancellationToken)
    {
        Record(log, transactions, "failing");
        throw new InvalidOperationException("failing handler");
    }

    internal static void Record(NoticeLog log, ITransactionContext transactions, string handler)
    {
        var transaction = (InMemoryTransaction)(transactions.Current ?? throw new InvalidOperationException(handler + " ran outside a transaction"));
        log.Lines.Enqueue(handler + ":" + transaction.GetHashCode());
        transaction.OnCommit(() => log.Lines.Enqueue(handler + ":commit"));
        transaction.OnRollback(() => log.Lines.Enqueue(handler + ":rollback"));
    }
}

/// <summary>Writes in its transaction and completes: its writes must be committed.</summary>
[Handler]
public sealed class SucceedingRecordedNoticeHandler(NoticeLog log, ITransactionContext transactions) : INotificationHandler<RecordedNotice>
{
    public ValueTask Handle(RecordedNotice notification, CancellationToken cancellationToken)
    {
        FailingRecordedNoticeHandler.Record(log, transactions, "succeeding");
        return default;
    }
}

/// <summary>Only admins may trigger this handler: its class carries [Authorize].</summary>
[Handler]
[global::Mediator.Authorization.Authorize(Roles = "admin")]
public sealed class AdminAuditedNoticeHandler(NoticeLog log) : INotificationHandler<AuditedNotice>
{
    public ValueTask Handle(AuditedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("admin");
        return default;
    }
}

/// <summary>Anyone may trigger this one.</summary>
[Handler]
public sealed class OpenAuditedNoticeHandler(NoticeLog log) : INotificationHandler<AuditedNotice>
{
    public ValueTask Handle(AuditedNotice notification, CancellationToken cancellationToken)
    {
        log.Enter("open");
        return default;
    }
}
