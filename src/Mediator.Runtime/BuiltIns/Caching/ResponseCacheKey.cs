using System;

namespace Mediator.Caching;

/// <summary>
/// Where one answer is filed: the message type, the message's own key (the message itself, compared by its value
/// equality, or its <see cref="ICacheKey.CacheKey"/>), and the caller's partition (its identifier, or null for anonymous
/// callers and for messages whose answers are shared across callers).
/// </summary>
internal sealed record ResponseCacheKey(Type MessageType, object MessageKey, string? Caller);
