using System;
using System.Collections.Generic;

namespace Mediator.Resilience;

/// <summary>Default limits of the bulkhead middleware, and the limits of named groups.</summary>
public sealed class BulkheadOptions
{
    private readonly Dictionary<string, BulkheadLimits> _groups = new(StringComparer.Ordinal);
    private int _maxConcurrency = 32;
    private int _queueLimit;

    /// <summary>How many dispatches of one message type may run at once when its <see cref="BulkheadAttribute"/> does not say (default 32).</summary>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A bulkhead admits at least one dispatch.");
    }

    /// <summary>How many dispatches may wait for a slot when the attribute does not say (default 0: reject at once when full).</summary>
    public int QueueLimit
    {
        get => _queueLimit;
        set => _queueLimit = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A queue limit cannot be negative.");
    }

    /// <summary>Sets the limits of the group named <paramref name="group"/> (<see cref="BulkheadAttribute.Group"/>).</summary>
    /// <param name="group">The group name.</param>
    /// <param name="maxConcurrency">How many dispatches of the whole group may run at once.</param>
    /// <param name="queueLimit">How many may wait for a slot.</param>
    /// <returns>These options, for chaining.</returns>
    public BulkheadOptions SetGroup(string group, int maxConcurrency, int queueLimit = 0)
    {
        if (string.IsNullOrEmpty(group)) throw new ArgumentException("A group needs a name.", nameof(group));
        _groups[group] = new BulkheadLimits(maxConcurrency, queueLimit);
        return this;
    }

    /// <summary>The limits of a bulkhead described by <paramref name="settings"/> (a message's attribute, or null).</summary>
    /// <param name="settings">The message's <see cref="BulkheadAttribute"/>, or null.</param>
    /// <returns>The limits from the group, the attribute or the defaults, in that order.</returns>
    public BulkheadLimits LimitsFor(BulkheadAttribute? settings)
    {
        if (settings?.Group is { } group)
            return _groups.TryGetValue(group, out var limits) ? limits : new BulkheadLimits(_maxConcurrency, _queueLimit);

        return new BulkheadLimits(
            settings is { MaxConcurrency: > 0 } ? settings.MaxConcurrency : _maxConcurrency,
            settings is { QueueLimit: >= 0 } ? settings.QueueLimit : _queueLimit);
    }
}
