using System.Collections.Concurrent;

namespace BuiltInsTests;

/// <summary>
/// What the notification handlers of the per-handler built-in tests did, and switches and gates the tests drive them
/// with. One per container.
/// </summary>
public sealed class NoticeLog
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Lines the handlers and their transactions wrote ("mailer:commit", ...), in no guaranteed order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>How many more calls of a failing handler throw before it recovers (int.MaxValue: always).</summary>
    public int FailuresLeft { get; set; } = int.MaxValue;

    /// <summary>Set by the slow timed handler once it waits on its token.</summary>
    public TaskCompletionSource SlowStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the slow timed handler when its token is cancelled (by its deadline).</summary>
    public TaskCompletionSource SlowCancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the quick timed handler once it waits at <see cref="QuickGate"/>.</summary>
    public TaskCompletionSource QuickStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The quick timed handler waits here, so that it is still running when the slow one times out.</summary>
    public TaskCompletionSource QuickGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The token the quick timed handler saw.</summary>
    public CancellationToken QuickToken { get; set; }

    public int Calls(string handler) => _calls.TryGetValue(handler, out var calls) ? calls : 0;

    public int Enter(string handler) => _calls.AddOrUpdate(handler, 1, static (_, calls) => calls + 1);

    /// <summary>Throws a transient fault while <see cref="FailuresLeft"/> says so.</summary>
    public void FailIfAsked(string handler)
    {
        lock (_calls)
        {
            if (FailuresLeft <= 0) return;
            if (FailuresLeft != int.MaxValue) FailuresLeft--;
        }

        throw new global::Mediator.Resilience.TransientException(handler + " failed");
    }
}
