namespace Mediator.Caching;

/// <summary>
/// Gives a cached request its own cache key. Without it the caching middleware uses the message itself as the key,
/// which needs value equality (a <c>record</c>, or <see cref="System.IEquatable{T}"/> with a matching
/// <c>GetHashCode</c>). Implement it when the message has fields that must not take part in the key, or is not a record.
/// </summary>
public interface ICacheKey
{
    /// <summary>
    /// The key of this message's answer among the answers to messages of the same type (the middleware adds the
    /// message type and, where authorization is required, the caller).
    /// </summary>
    string CacheKey { get; }
}
