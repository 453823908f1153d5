using System;

namespace Mediator.Caching;

/// <summary>
/// Lets the caching middleware answer this read request from a cache for <see cref="DurationSeconds"/>. The key is
/// the message itself (a record's value equality) or <see cref="ICacheKey.CacheKey"/> when the message implements
/// <see cref="ICacheKey"/>; when the message also carries <see cref="Authorization.AuthorizeAttribute"/>, the key includes the
/// caller, so one user's answer never reaches another. Failures are never cached.
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
}
