using System.Collections.Concurrent;

namespace WebTestApp;

/// <summary>How many times each handler ran: the tests prove that a refused request never reached its handler.</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public void Record(string handler) => _calls.AddOrUpdate(handler, 1, static (_, count) => count + 1);

    public int Of(string handler) => _calls.TryGetValue(handler, out var count) ? count : 0;
}

/// <summary>Lets a test hold a handler inside its pipeline (the bulkhead's permit, the timeout's clock) and know when it got there.</summary>
public sealed class HandlerGate
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
