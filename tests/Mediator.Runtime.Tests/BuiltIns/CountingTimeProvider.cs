namespace RuntimeTests.BuiltIns;

/// <summary>Counts reads of the clock: a middleware with nothing to record must not read it.</summary>
public sealed class CountingTimeProvider : TimeProvider
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public override long GetTimestamp()
    {
        Interlocked.Increment(ref _reads);
        return base.GetTimestamp();
    }
}
