using Mediator;
using Mediator.Authorization;
using Mediator.Caching;
using Mediator.Resilience;
using Mediator.Transactions;
using Mediator.Validation;

namespace BuiltInsTests;

/// <summary>A request that asks for every concern a message can ask for: all eleven built-ins wrap it.</summary>
[Authorize(Roles = "clerk")]
[Cache(DurationSeconds = 120)]
[Retry(MaxAttempts = 4, BaseDelayMilliseconds = 10, Jitter = false)]
[Timeout(Milliseconds = 2_000)]
[CircuitBreaker(FailureThreshold = 3, BreakDurationSeconds = 45)]
[Bulkhead(MaxConcurrency = 2)]
[Transactional]
public sealed record FullRequest(int Id) : IQuery<string>, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Id < 0) errors.Add(nameof(Id), "must not be negative");
    }
}

/// <summary>A plain request that asks for nothing: only the built-ins that apply to every message wrap it.</summary>
public sealed record PlainRequest(int Id) : IRequest<int>;


/// <summary>An idempotent command retried up to four times; nothing else configured.</summary>
[Retry(MaxAttempts = 4, BaseDelayMilliseconds = 10, Jitter = false)]
public sealed record RetriedCommand(int Id) : IRequest<int>, IIdempotent;

/// <summary>A request with a two-second deadline.</summary>
[Timeout(Milliseconds = 2_000)]
public sealed record TimedRequest(int Id) : IRequest<int>;

/// <summary>A request behind a circuit breaker that opens after three failures, for 45 seconds.</summary>
[CircuitBreaker(FailureThreshold = 3, BreakDurationSeconds = 45)]
public sealed record GuardedRequest(int Id) : IRequest<int>;

/// <summary>A notification: the built-ins that apply to every message wrap its publish too.</summary>
public sealed record Noticed(int Id) : INotification;

/// <summary>A stream request: the built-ins that apply to every message wrap it too.</summary>
public sealed record Counting(int Count) : IStreamRequest<int>;

/// <summary>A stream only clerks may read: authorization checks the caller before the first item.</summary>
[Authorize(Roles = "clerk")]
public sealed record GuardedFeed(int Count) : IStreamRequest<int>;

/// <summary>A stream whose request checks itself: validation runs before the first item.</summary>
public sealed record ValidatedFeed(int Count) : IStreamRequest<int>, IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Require(Count >= 0, nameof(Count), "must not be negative");
}

/// <summary>A stream with a two-second deadline for the whole enumeration: it hangs after its first item.</summary>
[Timeout(Milliseconds = 2_000)]
public sealed record TimedFeed : IStreamRequest<int>;
