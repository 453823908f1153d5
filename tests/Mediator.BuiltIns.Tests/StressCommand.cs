using Mediator;
using Mediator.Authorization;
using Mediator.Caching;
using Mediator.Resilience;
using Mediator.Transactions;
using Mediator.Validation;

namespace BuiltInsTests;

/// <summary>
/// The stress test's command: it asks for all eleven built-ins. Each call has its own id, so every call misses the
/// cache and reaches the handler; retries have no back-off so that fake time never has to move for them.
/// </summary>
[Authorize(Roles = "clerk")]
[Cache(DurationSeconds = 600)]
[Retry(MaxAttempts = 3, BaseDelayMilliseconds = 0, Jitter = false)]
[Timeout(Milliseconds = 3_600_000)]
[CircuitBreaker(FailureThreshold = 4, BreakDurationSeconds = 1, ProbeTimeoutSeconds = 3_600)]
[Bulkhead(MaxConcurrency = 8, QueueLimit = 40)]
[Transactional]
public sealed record StressCommand(int Caller, int Call) : IQuery<int>, IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Require(Call >= 0, nameof(Call), "must not be negative");
}
