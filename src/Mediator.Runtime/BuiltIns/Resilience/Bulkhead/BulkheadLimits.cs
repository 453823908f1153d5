using System;

namespace Mediator.Resilience;

/// <summary>The size of one bulkhead.</summary>
public readonly record struct BulkheadLimits
{
    /// <summary>Describes a bulkhead.</summary>
    /// <param name="maxConcurrency">How many dispatches may run at once (at least 1).</param>
    /// <param name="queueLimit">How many may wait for a slot, oldest first (0 for none).</param>
    public BulkheadLimits(int maxConcurrency, int queueLimit)
    {
        if (maxConcurrency < 1) throw new ArgumentOutOfRangeException(nameof(maxConcurrency), maxConcurrency, "A bulkhead admits at least one dispatch.");
        if (queueLimit < 0) throw new ArgumentOutOfRangeException(nameof(queueLimit), queueLimit, "A queue limit cannot be negative.");
        MaxConcurrency = maxConcurrency;
        QueueLimit = queueLimit;
    }

    /// <summary>How many dispatches may run at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>How many may wait for a slot.</summary>
    public int QueueLimit { get; }
}
