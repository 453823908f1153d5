using Mediator;
using Mediator.Resilience;

// Timeout and circuit breaker for this project's pipelines. Both require their attribute, so they wrap only
// GuardedNote's handlers; every other benchmark's messages are untouched.
[assembly: UseMiddleware(typeof(TimeoutMiddleware<,>))]
[assembly: UseMiddleware(typeof(CircuitBreakerMiddleware<,>))]

namespace MediatorBenchmarks;

/// <summary>Published to three handlers, each behind its own timeout and circuit breaker (issue 22's Publish figure).</summary>
[Timeout(Milliseconds = 30_000)]
[CircuitBreaker(FailureThreshold = 5, BreakDurationSeconds = 30)]
public sealed class GuardedNote : INotification
{
}

// Three handlers, each returning a synchronously completed ValueTask, so that only the layers around them are measured.

[Handler]
public sealed class GuardedNoteHandlerA : INotificationHandler<GuardedNote>
{
    public ValueTask Handle(GuardedNote notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class GuardedNoteHandlerB : INotificationHandler<GuardedNote>
{
    public ValueTask Handle(GuardedNote notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class GuardedNoteHandlerC : INotificationHandler<GuardedNote>
{
    public ValueTask Handle(GuardedNote notification, CancellationToken cancellationToken) => default;
}
