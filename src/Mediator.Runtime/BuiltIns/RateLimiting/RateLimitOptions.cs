using System;
using System.Security.Claims;
using Mediator.BuiltIns;

namespace Mediator.RateLimiting;

/// <summary>The token bucket every caller gets, and how callers are told apart.</summary>
public sealed class RateLimitOptions
{
    private int _tokenLimit = 100;
    private int _tokensPerPeriod = 100;
    private TimeSpan _replenishmentPeriod = TimeSpan.FromSeconds(1);
    private int _maxPartitions = 10_000;
    private TimeSpan _sweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>The most tokens a caller's bucket holds: the largest burst it may send (default 100).</summary>
    public int TokenLimit
    {
        get => _tokenLimit;
        set => _tokenLimit = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A bucket holds at least one token.");
    }

    /// <summary>Tokens added to each bucket every <see cref="ReplenishmentPeriod"/> (default 100).</summary>
    public int TokensPerPeriod
    {
        get => _tokensPerPeriod;
        set => _tokensPerPeriod = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one token is added per period.");
    }

    /// <summary>How often tokens are added, measured on the registered <see cref="TimeProvider"/> (default one second).</summary>
    public TimeSpan ReplenishmentPeriod
    {
        get => _replenishmentPeriod;
        set => _replenishmentPeriod = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The period must be positive.");
    }

    /// <summary>
    /// The most caller buckets kept at once (default 10,000). When a new caller arrives and this many exist, buckets that
    /// have filled up again are evicted; if none has, the new caller is rejected rather than growing memory without bound.
    /// </summary>
    public int MaxPartitions
    {
        get => _maxPartitions;
        set => _maxPartitions = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one partition is needed.");
    }

    /// <summary>How often, at most, idle (refilled) buckets are swept away while dispatches go on (default one minute).</summary>
    public TimeSpan SweepInterval
    {
        get => _sweepInterval;
        set => _sweepInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The interval must be positive.");
    }

    /// <summary>What happens to dispatches without an authenticated caller (default: one shared bucket).</summary>
    public AnonymousCallerPolicy AnonymousCallers { get; set; } = AnonymousCallerPolicy.SharedPartition;

    /// <summary>
    /// Picks the bucket key of an authenticated caller; null treats the caller as anonymous. It sees only the caller,
    /// never the message, so a caller cannot choose a fresh bucket by changing what it sends. The default reads the
    /// <see cref="ClaimTypes.NameIdentifier"/> claim, then <c>sub</c>, then the identity's name.
    /// </summary>
    public Func<ClaimsPrincipal, string?> PartitionKey { get; set; } = DefaultPartitionKey;

    /// <summary>The default <see cref="PartitionKey"/>.</summary>
    /// <param name="caller">An authenticated caller.</param>
    /// <returns>Its stable identifier, or null when it has none.</returns>
    public static string? DefaultPartitionKey(ClaimsPrincipal caller)
        => caller.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? caller.FindFirst("sub")?.Value ?? caller.Identity?.Name;

    /// <summary>The bucket key of <paramref name="caller"/>, or null for the anonymous partition.</summary>
    /// <param name="caller">The caller from <see cref="ICallerAccessor"/>, or null.</param>
    /// <returns>The key, or null when the caller is absent, unauthenticated or has no identifier.</returns>
    public string? KeyFor(ClaimsPrincipal? caller)
        => caller?.Identity?.IsAuthenticated == true ? PartitionKey(caller) : null;
}
