using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace Mediator.RateLimiting;

/// <summary>
/// The lease of a caller's token bucket: granted (one shared instance: a spent token has nothing to give back), or
/// refused with the platform's <see cref="MetadataName.RetryAfter"/> metadata when waiting will help.
/// </summary>
internal sealed class BucketLease : RateLimitLease
{
    public static readonly BucketLease Granted = new(acquired: true, retryAfter: null);

    private static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];
    private readonly TimeSpan? _retryAfter;

    private BucketLease(bool acquired, TimeSpan? retryAfter)
    {
        IsAcquired = acquired;
        _retryAfter = retryAfter;
    }

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => _retryAfter is null ? [] : RetryAfterOnly;

    public static BucketLease Refused(TimeSpan? retryAfter) => new(acquired: false, retryAfter);

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (_retryAfter is { } retryAfter && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }
}
