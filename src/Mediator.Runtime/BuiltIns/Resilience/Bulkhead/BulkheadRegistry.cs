using System;
using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Mediator.Resilience;

/// <summary>
/// Owns the bulkheads: one <see cref="ConcurrencyLimiter"/> per message type, or per group for messages that name one.
/// A singleton, so that every pipeline of a message type (and every middleware instance) shares its bulkhead.
/// </summary>
public sealed class BulkheadRegistry : IDisposable
{
    private readonly ConcurrentDictionary<object, ConcurrencyLimiter> _limiters = new();
    private readonly BulkheadOptions _options;

    /// <summary>Creates the registry.</summary>
    /// <param name="options">Default and group limits.</param>
    public BulkheadRegistry(BulkheadOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// The bulkhead of <paramref name="messageType"/>: its group's when <paramref name="settings"/> names one, otherwise
    /// its own, created with the limits of the first call.
    /// </summary>
    /// <param name="messageType">The message type.</param>
    /// <param name="settings">The message's <see cref="BulkheadAttribute"/>, or null.</param>
    /// <returns>The shared limiter; its <see cref="RateLimiter.GetStatistics"/> shows the permits in use.</returns>
    public ConcurrencyLimiter GetLimiter(Type messageType, BulkheadAttribute? settings)
    {
        if (messageType is null) throw new ArgumentNullException(nameof(messageType));

        // A group name and a Type never compare equal, so one dictionary holds both kinds of key.
        object key = settings?.Group is { } group ? group : messageType;
        if (_limiters.TryGetValue(key, out var existing)) return existing;

        var limits = _options.LimitsFor(settings);
        var created = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.MaxConcurrency,
            QueueLimit = limits.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var winner = _limiters.GetOrAdd(key, created);
        if (!ReferenceEquals(winner, created)) created.Dispose(); // lost a race: everyone uses the first one
        return winner;
    }

    /// <summary>Disposes every bulkhead; dispatches waiting in a queue fail.</summary>
    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
        _limiters.Clear();
    }
}
