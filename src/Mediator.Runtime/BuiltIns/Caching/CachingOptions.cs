namespace Mediator.Caching;

/// <summary>Settings of the response cache shared by all messages; per-message settings are on <see cref="CacheAttribute"/>.</summary>
public sealed class CachingOptions
{
    /// <summary>
    /// The cache's capacity in <see cref="CacheAttribute.Size"/> units (entries, with the default size of 1). When it is
    /// full, new answers are not stored until expiry or compaction frees room. Default 10,000.
    /// </summary>
    public long SizeLimit { get; set; } = 10_000;
}
