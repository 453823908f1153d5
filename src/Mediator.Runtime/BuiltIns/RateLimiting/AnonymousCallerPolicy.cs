namespace Mediator.RateLimiting;

/// <summary>What the rate limit middleware does with a dispatch that has no authenticated caller to key a bucket by.</summary>
public enum AnonymousCallerPolicy
{
    /// <summary>
    /// Every anonymous dispatch draws from one shared bucket (the default): anonymous traffic as a whole is limited, and
    /// one anonymous flood cannot drain an authenticated caller's bucket.
    /// </summary>
    SharedPartition = 0,

    /// <summary>Anonymous dispatches are rejected with <see cref="RateLimitExceededException"/> before reaching the handler.</summary>
    Reject = 1,
}
