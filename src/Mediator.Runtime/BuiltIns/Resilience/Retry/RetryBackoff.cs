using System;

namespace Mediator.Resilience;

/// <summary>The wait before a retry: exponential from the base delay, capped, optionally with "equal jitter".</summary>
internal static class RetryBackoff
{
    /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
    public static TimeSpan DelayBefore(int retry, RetryAttribute settings, Random random)
    {
        // Doubling in double arithmetic cannot overflow for any attempt count; the cap bounds it afterwards.
        var exponential = settings.BaseDelayMilliseconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(exponential, settings.MaxDelayMilliseconds);

        // Equal jitter: keep half, draw the other half, so the wait never falls below half the schedule.
        var milliseconds = settings.Jitter ? (capped / 2) + (random.NextDouble() * capped / 2) : capped;
        return TimeSpan.FromMilliseconds(Math.Max(0, milliseconds));
    }
}
