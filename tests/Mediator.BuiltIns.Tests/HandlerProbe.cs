namespace BuiltInsTests;

/// <summary>
/// What the handler saw: how often it ran, the most calls in flight at once, whether a transaction was open. It can
/// hold calls at a gate and throw a transient fault when a test asks for one.
/// </summary>
public sealed class HandlerProbe
{
    private int _calls;
    private int _inFlight;
    private int _maxInFlight;
    private int _callsWithoutTransaction;
    private TaskCompletionSource? _gate;

    public int Calls => Volatile.Read(ref _calls);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int CallsWithoutTransaction => Volatile.Read(ref _callsWithoutTransaction);

    /// <summary>Decides, per handler call, whether it fails with a transient fault (null: never).</summary>
    public Func<bool>? InjectFault { get; set; }

    /// <summary>Counts one call in; returns its number (1-based).</summary>
    public int Enter(bool inTransaction)
    {
        if (!inTransaction) Interlocked.Increment(ref _callsWithoutTransaction);
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); inFlight > max; max = Volatile.Read(ref _maxInFlight))
            if (Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) == max) break;
        return Interlocked.Increment(ref _calls);
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);

    /// <summary>From now on, handler calls wait until <see cref="OpenGate"/>.</summary>
    public void CloseGate() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void OpenGate() => Interlocked.Exchange(ref _gate, null)?.TrySetResult();

    public Task WaitIfGatedAsync(CancellationToken cancellationToken)
        => Volatile.Read(ref _gate) is { } gate ? gate.Task.WaitAsync(cancellationToken) : Task.CompletedTask;

    public void ThrowIfFaultInjected()
    {
        if (InjectFault?.Invoke() == true) throw new global::Mediator.Resilience.TransientException("injected fault");
    }
}
