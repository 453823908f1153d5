using System.Collections.Concurrent;

namespace RabbitMqTests;

/// <summary>A consuming app's record of what its handler saw (a singleton per app).</summary>
public sealed class Deliveries
{
    private readonly ConcurrentQueue<(int Id, DateTime At, ScopeProbe Scope)> _attempts = new();
    private readonly ConcurrentDictionary<int, int> _handled = new();
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Whether <see cref="Behaviour.BlockUntilStopped"/> blocks in this app (the restarted app handles it).</summary>
    public bool BlockWhenAsked { get; init; }

    /// <summary>Completed when a handler has started blocking.</summary>
    public TaskCompletionSource Blocking { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(int Id, DateTime At, ScopeProbe Scope)> Attempts => _attempts.ToArray();

    public IReadOnlyDictionary<int, int> Handled => _handled;

    /// <summary>The trace and parent span each order's handler ran under (Activity.Current), by order id.</summary>
    public ConcurrentDictionary<int, (System.Diagnostics.ActivityTraceId TraceId, System.Diagnostics.ActivitySpanId ParentSpanId)> Traces { get; } = new();

    public void Attempted(OrderPlaced order, ScopeProbe scope)
    {
        if (System.Diagnostics.Activity.Current is { } activity)
        {
            Traces[order.Id] = (activity.TraceId, activity.ParentSpanId);
        }

        _attempts.Enqueue((order.Id, DateTime.UtcNow, scope));
        _signal.Release();
    }

    public void MarkHandled(OrderPlaced order)
    {
        _handled.AddOrUpdate(order.Id, 1, (_, count) => count + 1);
        _signal.Release();
    }

    /// <summary>Waits until <paramref name="done"/> holds, re-checking on each attempt or completion.</summary>
    public async Task WaitUntil(Func<Deliveries, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Broker.Patience;
        while (!done(this))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left))
            {
                Assert.Fail($"Waited {Broker.Patience.TotalSeconds:0} s for {what}; attempts so far: {string.Join(", ", _attempts.Select(a => a.Id))}.");
            }
        }
    }
}

/// <summary>A scoped service: a handler that sees the same probe twice ran in the same scope.</summary>
public sealed class ScopeProbe
{
}
