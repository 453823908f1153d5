using Mediator;
using Mediator.Resilience;

namespace WebTestApp;

/// <summary>One at a time, nobody waiting: a second concurrent send is refused (503, no Retry-After).</summary>
[Bulkhead(MaxConcurrency = 1, QueueLimit = 0)]
public sealed record Export : IRequest<string>;

/// <summary>Opens after one failure, for 30 seconds (503 with Retry-After: 30).</summary>
[CircuitBreaker(FailureThreshold = 1, BreakDurationSeconds = 30)]
public sealed record Flaky(bool Fail) : IRequest<string>;

/// <summary>One second to answer (504 after it).</summary>
[Timeout(Milliseconds = 1_000)]
public sealed record SlowReport : IRequest<string>;

/// <summary>Its handler throws an exception no built-in knows: the app's own handling answers (500).</summary>
public sealed record Boom : IRequest<string>;
