using System;

namespace Mediator.Resilience;

/// <summary>
/// Thrown by the bulkhead middleware when a message's bulkhead is full and its queue (if any) is full too: the
/// handler was not called. Nothing was done, so the caller may try again later or shed the load.
/// </summary>
/// <remarks>It lives in Mediator.Runtime: the caller of <c>Send</c> catches it, never the message or handler author.</remarks>
public sealed class BulkheadRejectedException : Exception
{
    /// <summary>Describes a rejection.</summary>
    /// <param name="messageType">The rejected message type.</param>
    /// <param name="group">The bulkhead group, or null when the bulkhead is the message type's own.</param>
    /// <param name="limits">The bulkhead's limits.</param>
    public BulkheadRejectedException(Type messageType, string? group, BulkheadLimits limits)
        : base(Describe(messageType, group, limits))
    {
        MessageType = messageType;
        Group = group;
        Limits = limits;
    }

    /// <summary>The rejected message type.</summary>
    public Type MessageType { get; }

    /// <summary>The bulkhead group, or null when the bulkhead is the message type's own.</summary>
    public string? Group { get; }

    /// <summary>The limits of the full bulkhead.</summary>
    public BulkheadLimits Limits { get; }

    private static string Describe(Type messageType, string? group, BulkheadLimits limits)
        => "The bulkhead of " + (group is null ? messageType.Name : "group '" + group + "' (" + messageType.Name + ")")
           + " is full: " + limits.MaxConcurrency + " dispatch(es) running and " + limits.QueueLimit + " waiting at most.";
}
