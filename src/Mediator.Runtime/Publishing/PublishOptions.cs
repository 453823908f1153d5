using System;

namespace Mediator.Publishing;

/// <summary>
/// How <c>Publish</c> treats <see cref="RetryException"/>: how often a notification is delivered to a handler that asks
/// for a retry, and how long it waits in between (exponential back-off with a cap). Register an instance in the
/// container to change the defaults: <c>services.AddSingleton(new PublishOptions { MaxAttempts = 5 })</c>.
/// </summary>
public sealed class PublishOptions
{
    private int _maxAttempts = 3;
    private TimeSpan _firstRetryDelay = TimeSpan.FromMilliseconds(100);
    private TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries to one handler, the first included; when reached, a further Retry is a failure. Default 3; at least 1.</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one attempt is needed.");
    }

    /// <summary>The wait before the first retry; each later wait doubles, up to <see cref="MaxRetryDelay"/>. Default 100 ms.</summary>
    public TimeSpan FirstRetryDelay
    {
        get => _firstRetryDelay;
        set => _firstRetryDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A delay cannot be negative.");
    }

    /// <summary>The longest wait between two attempts. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A delay cannot be negative.");
    }

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
    /// <param name="nextAttempt">The attempt about to be made, from 2.</param>
    public TimeSpan RetryDelay(int nextAttempt)
    {
        var doublings = Math.Min(Math.Max(nextAttempt - 2, 0), 30);
        var ticks = _firstRetryDelay.Ticks * (double)(1L << doublings);
        return ticks >= _maxRetryDelay.Ticks ? _maxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
