using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace Mediator.RateLimiting;

/// <summary>
/// A <see cref="PartitionedRateLimiter{TResource}"/> with one token bucket per caller key (null is the shared anonymous
/// partition), shared by every pipeline that uses the rate limit middleware, refilled by the injected
/// <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// <para>
/// Why not <c>PartitionedRateLimiter.Create</c> with <c>TokenBucketRateLimiter</c> partitions: its partitions live until
/// they have been idle for a fixed ten seconds of wall-clock time, their number is unbounded, a background timer
/// replenishes every 100 ms of real time, and the token bucket reads the process clock even when replenished by hand.
/// None of it follows a <see cref="TimeProvider"/>, so neither tests with a fake clock nor an application's own clock would
/// be honoured. This class keeps the platform's contract (leases, <see cref="MetadataName.RetryAfter"/>, statistics) and
/// does the token arithmetic on the injected clock.
/// </para>
/// <para>
/// Idle eviction uses the platform's criterion (a bucket that has filled up again is idle: it is indistinguishable from
/// a new one, so evicting it loses nothing), swept at most every <see cref="RateLimitOptions.SweepInterval"/> and whenever
/// <see cref="RateLimitOptions.MaxPartitions"/> is reached. When the table is full of buckets still in use, a new caller is
/// refused instead of growing memory without bound. One lock guards the table and the buckets, as in the platform's
/// partitioned limiter.
/// </para>
/// </remarks>
public sealed class CallerRateLimiter : PartitionedRateLimiter<string?>
{
    private readonly object _lock = new();
    private readonly Dictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private readonly TokenBucket _anonymous;
    private readonly RateLimitOptions _options;
    private readonly TimeProvider _time;
    private readonly long _periodTicks;
    private readonly long _sweepTicks;
    private long _lastSweep;
    private bool _disposed;

    /// <summary>Creates the limiter.</summary>
    /// <param name="options">Bucket size, refill rate and partition bounds.</param>
    /// <param name="timeProvider">The clock that refills the buckets.</param>
    public CallerRateLimiter(RateLimitOptions options, TimeProvider timeProvider)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _periodTicks = ToTimestampTicks(options.ReplenishmentPeriod);
        _sweepTicks = ToTimestampTicks(options.SweepInterval);
        _lastSweep = timeProvider.GetTimestamp();
        _anonymous = NewBucket(_lastSweep);
    }

    /// <summary>How many caller buckets exist now (the anonymous one not counted).</summary>
    public int PartitionCount
    {
        get { lock (_lock) return _buckets.Count; }
    }

    /// <summary>The statistics of a caller's bucket, topped up to now; a caller without a bucket yet shows a full one.</summary>
    /// <param name="resource">The caller key, or null for the anonymous partition.</param>
    /// <returns>The bucket's statistics.</returns>
    public override RateLimiterStatistics? GetStatistics(string? resource)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            var tokens = _options.TokenLimit;
            var bucket = resource is null ? _anonymous : _buckets.TryGetValue(resource, out var found) ? found : null;
            if (bucket is not null)
            {
                bucket.TopUp(_time.GetTimestamp());
                tokens = bucket.Tokens;
            }

            return new RateLimiterStatistics { CurrentAvailablePermits = tokens };
        }
    }

    /// <inheritdoc />
    protected override RateLimitLease AttemptAcquireCore(string? resource, int permitCount)
    {
        lock (_lock)
        {
            ThrowIfDisposed();
            var now = _time.GetTimestamp();
            if (now - _lastSweep >= _sweepTicks) Sweep(now);

            var bucket = Find(resource, now);
            if (bucket is null) return BucketLease.Refused(null); // the table is full of active callers: refuse, do not grow
            if (permitCount > _options.TokenLimit) return BucketLease.Refused(null); // never possible: waiting will not help

            bucket.TopUp(now);
            return bucket.TryTake(permitCount)
                ? BucketLease.Granted
                : BucketLease.Refused(TimeSpan.FromSeconds((double)bucket.TicksUntil(permitCount, now) / _time.TimestampFrequency));
        }
    }

    /// <summary>Never waits: a caller over its rate is refused at once, as with <see cref="AttemptAcquireCore"/>.</summary>
    /// <param name="resource">The caller key, or null for the anonymous partition.</param>
    /// <param name="permitCount">Tokens to take.</param>
    /// <param name="cancellationToken">Observed before anything is taken.</param>
    /// <returns>The lease.</returns>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string? resource, int permitCount, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<RateLimitLease>(AttemptAcquireCore(resource, permitCount));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        lock (_lock)
        {
            _disposed = true;
            _buckets.Clear();
        }
    }

    private TokenBucket? Find(string? key, long now)
    {
        if (key is null) return _anonymous;
        if (_buckets.TryGetValue(key, out var bucket)) return bucket;

        if (_buckets.Count >= _options.MaxPartitions)
        {
            Sweep(now);
            if (_buckets.Count >= _options.MaxPartitions) return null;
        }

        bucket = NewBucket(now);
        _buckets.Add(key, bucket);
        return bucket;
    }

    private void Sweep(long now)
    {
        _lastSweep = now;
        List<string>? idle = null;
        foreach (var pair in _buckets)
        {
            pair.Value.TopUp(now);
            if (pair.Value.IsFull) (idle ??= new List<string>()).Add(pair.Key);
        }

        if (idle is null) return;
        foreach (var key in idle) _buckets.Remove(key);
    }

    private TokenBucket NewBucket(long now) => new(_options.TokenLimit, _options.TokensPerPeriod, _periodTicks, now);

    private long ToTimestampTicks(TimeSpan span) => Math.Max(1, (long)(span.TotalSeconds * _time.TimestampFrequency));

    private void ThrowIfDisposed()
    {
        if (_disposed) throw new ObjectDisposedException(nameof(CallerRateLimiter));
    }
}
