using System;

namespace Mediator.RateLimiting;

/// <summary>
/// One caller's token bucket, in <see cref="TimeProvider"/> timestamps. Not thread-safe: <see cref="CallerRateLimiter"/>
/// holds its lock around every use.
/// </summary>
/// <remarks>
/// The platform's <c>TokenBucketRateLimiter</c> is not used per caller because it reads the process clock
/// (<c>Stopwatch</c>/<c>Environment.TickCount</c>) even when replenished by hand: a <see cref="TimeProvider"/> cannot
/// drive it, so neither fake clocks in tests nor a clock of the application's choice would be honoured.
/// </remarks>
internal sealed class TokenBucket
{
    private readonly int _limit;
    private readonly int _perPeriod;
    private readonly long _periodTicks;
    private long _lastTopUp;

    public TokenBucket(int limit, int perPeriod, long periodTicks, long now)
    {
        _limit = limit;
        _perPeriod = perPeriod;
        _periodTicks = periodTicks;
        _lastTopUp = now;
        Tokens = limit; // a new caller starts with a full bucket
    }

    public int Tokens { get; private set; }

    public bool IsFull => Tokens >= _limit;

    /// <summary>
    /// Adds the tokens of every whole period elapsed since the last top-up, up to the limit, and keeps the remainder of
    /// the current period, so that refills follow the clock whatever the call pattern.
    /// </summary>
    public void TopUp(long now)
    {
        var periods = (now - _lastTopUp) / _periodTicks;
        if (periods <= 0) return;
        var room = _limit - Tokens;
        Tokens = periods >= (room + _perPeriod - 1) / _perPeriod ? _limit : Tokens + (int)periods * _perPeriod;
        _lastTopUp += periods * _periodTicks;
    }

    public bool TryTake(int count)
    {
        if (Tokens < count) return false;
        Tokens -= count;
        return true;
    }

    /// <summary>Timestamp ticks until <paramref name="count"/> tokens will be there, after a <see cref="TopUp"/> at <paramref name="now"/>.</summary>
    public long TicksUntil(int count, long now)
    {
        var missing = count - Tokens;
        if (missing <= 0) return 0;
        var periods = (missing + _perPeriod - 1) / _perPeriod;
        return _periodTicks - (now - _lastTopUp) + (periods - 1) * _periodTicks;
    }
}
