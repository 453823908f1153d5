using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests;

/// <summary>
/// A fake clock that reports every timer created on it (its due time), so that a test can wait until a middleware
/// has started waiting, see how long it waits, and only then move time on: no race between the test's
/// <c>Advance</c> and the timer's creation on another thread.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> _dueTimes = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake { get; } = new();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits for the next timer to be created and returns its due time; fails instead of hanging if none comes.</summary>
    public async ValueTask<TimeSpan> NextTimerAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // hang guard, not a timing claim
        try
        {
            return await _dueTimes.Reader.ReadAsync(guard.Token);
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            throw new TimeoutException("No timer was created on the fake clock within a minute.");
        }
    }
}
