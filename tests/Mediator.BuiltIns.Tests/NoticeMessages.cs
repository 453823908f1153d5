using Mediator;
using Mediator.Resilience;
using Mediator.Transactions;

namespace BuiltInsTests;

/// <summary>
/// A one-second deadline on the type: each handler gets a deadline of its own (one handler's class sets a longer one).
/// Delivered concurrently.
/// </summary>
[Timeout(Milliseconds = 1_000)]
[PublishStrategy(PublishStrategy.Concurrent)]
public sealed record TimedNotice(int Id) : INotification;

/// <summary>A breaker on the type: each handler gets a breaker of its own, opened by two failures in a row.</summary>
[CircuitBreaker(FailureThreshold = 2, BreakDurationSeconds = 30)]
public sealed record GuardedNotice(int Id) : INotification;

/// <summary>Nothing on the type: one of its handlers carries its own [CircuitBreaker] and [Timeout].</summary>
public sealed record ShipmentNotice(int Id) : INotification;

/// <summary>Up to three attempts per handler, no back-off; each handler vouches for itself with IIdempotent.</summary>
[Retry(MaxAttempts = 3, BaseDelayMilliseconds = 0, Jitter = false)]
public sealed record RetriedNotice(int Id) : INotification;

/// <summary>[Retry] on a notification whose handler is not idempotent: its pipeline refuses to be built.</summary>
[Retry(MaxAttempts = 2, BaseDelayMilliseconds = 0)]
public sealed record UnsafeRetriedNotice(int Id) : INotification;

/// <summary>A unit of work per handler: the one that fails rolls back, the other commits.</summary>
[Transactional]
public sealed record RecordedNotice(int Id) : INotification;

/// <summary>Nothing on the type: one of its handlers requires a role of its own.</summary>
public sealed record AuditedNotice(int Id) : INotification;
