namespace Mediator.Metrics;

/// <summary>The tag names and values the metrics middleware writes, for queries and dashboards.</summary>
public static class MetricsTags
{
    /// <summary>The message type's full name, on every measurement.</summary>
    public const string MessageType = "message.type";

    /// <summary>How the dispatch ended: <see cref="Success"/>, <see cref="Failure"/> or <see cref="Cancelled"/>; for a stream also <see cref="Stopped"/>.</summary>
    public const string Outcome = "outcome";

    /// <summary>The exception's full type name, on failures (OpenTelemetry's <c>error.type</c>).</summary>
    public const string ErrorType = "error.type";

    /// <summary>The outcome of a dispatch that returned its result.</summary>
    public const string Success = "success";

    /// <summary>The outcome of a dispatch that threw.</summary>
    public const string Failure = "failure";

    /// <summary>The outcome of a dispatch cancelled by its caller's token (counted in <c>request_failure_total</c>).</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The outcome of a stream its caller disposed before the end (counted in <c>stream_success_total</c>: nothing failed).</summary>
    public const string Stopped = "stopped";
}
