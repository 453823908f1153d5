using Mediator;
using Mediator.Authorization;
using Mediator.Caching;
using Mediator.Resilience;
using Mediator.Transactions;
using Mediator.Validation;

namespace BuiltInBenchmarks;

/// <summary>A read with all eleven concerns, configured by attributes.</summary>
[Authorize(Roles = "clerk")]
[Cache(DurationSeconds = 600)]
[Retry(MaxAttempts = 3, BaseDelayMilliseconds = 10)]
[Timeout(Milliseconds = 30_000)]
[CircuitBreaker(FailureThreshold = 5, BreakDurationSeconds = 30)]
[Bulkhead(MaxConcurrency = 8, QueueLimit = 16)]
[Transactional]
public sealed record OursQuery(int Id) : IQuery<int>, IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Require(Id >= 0, nameof(Id), "must not be negative");
}

[Handler]
public sealed class OursQueryHandler : IRequestHandler<OursQuery, int>
{
    public ValueTask<int> Handle(OursQuery request, CancellationToken cancellationToken) => new(request.Id);
}
