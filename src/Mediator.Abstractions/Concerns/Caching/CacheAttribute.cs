using System;

namespace Mediator.Caching;

/// <summary>
/// Lets the caching middleware answer this read request from a cache for <see cref="DurationSeconds"/>. The key is
/// the message itself (a record's value equality) or <see cref="ICacheKey.CacheKey"/> when the message implements
/// <see cref="ICacheKey"/>, plus the caller whenever one is known (an <c>ICallerAccessor</c> is registered and returns
/// one), so one user's answer never reaches another; callers with no identity share a partition of their own. Set
/// <see cref="SharedAcrossCallers"/> when the answer is the same whoever asks. Failures are never cached.
/// </summary>
/// <example><code>
/// [Cache(DurationSeconds = 60)]
/// public sealed record GetProduct(int Id) : IRequest&lt;Product&gt;;
/// </code></example>
[RequiresConcern(Concerns.Caching)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class CacheAttribute : Attribute
{
    /// <summary>How long an answer stays in the cache after it was produced (absolute expiry). Default 60.</summary>
    public int DurationSeconds { get; set; } = 60;

    /// <summary>
    /// The answer's share of the cache's size limit (<c>CachingOptions.SizeLimit</c>), in the same unit. Default 1,
    /// so the limit counts entries.
    /// </summary>
    public int Size { get; set; } = 1;

    /// <summary>
    /// Declares that the answer is the same for every caller (a product's price, a public list), so one answer is kept
    /// for all of them and the caller is left out of the key. False by default: the key then includes the caller
    /// whenever one is known, because a handler that reads the current user (directly or through a service) would
    /// otherwise hand one user's answer to another. The generator reports MED0070 when a handler of a message marked
    /// shared takes the caller (<c>ICallerAccessor</c>, <c>IHttpContextAccessor</c>, ...).
    /// </summary>
    public bool SharedAcrossCallers { get; set; }
}
