using System;

namespace Mediator.Resilience;

/// <summary>
/// Sets the bulkhead of this message: how many of its dispatches may run at once and how many may wait for a slot.
/// Without it the built-in bulkhead middleware (<c>BulkheadMiddleware</c> in Mediator.Runtime) uses the defaults of its
/// options, one bulkhead per message type. Messages that name the same <see cref="Group"/> share one bulkhead.
/// <code>
/// [Bulkhead(MaxConcurrency = 4, QueueLimit = 16)]
/// public sealed record ExportReport(int Year) : IRequest&lt;byte[]&gt;;
/// </code>
/// </summary>
/// <remarks>The values are compile-time constants: the generator rebuilds the attribute from them; nothing reads attributes at run time.</remarks>
[RequiresConcern(Concerns.Bulkhead)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
public sealed class BulkheadAttribute : Attribute
{
    /// <summary>
    /// The name of a bulkhead shared by every message that names it, or null for a bulkhead of this message type alone.
    /// A group's limits come from the options (<c>BulkheadOptions.SetGroup</c>), so that every member agrees on them;
    /// <see cref="MaxConcurrency"/> and <see cref="QueueLimit"/> are then ignored.
    /// </summary>
    public string? Group { get; set; }

    /// <summary>How many dispatches may run at once; 0 (the default) takes the options' default.</summary>
    public int MaxConcurrency { get; set; }

    /// <summary>
    /// How many dispatches may wait for a slot (oldest first) before new ones are rejected; 0 means none wait.
    /// Negative (the default, -1) takes the options' default.
    /// </summary>
    public int QueueLimit { get; set; } = -1;
}
