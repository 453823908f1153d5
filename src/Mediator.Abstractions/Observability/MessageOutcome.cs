namespace Mediator;

/// <summary>How the delivery of a notification to one handler ended.</summary>
public enum MessageOutcome
{
    /// <summary>The handler completed (possibly after retries).</summary>
    Completed = 0,

    /// <summary>The handler or a middleware threw <see cref="DropException"/>: discarded on purpose.</summary>
    Dropped = 1,

    /// <summary>The handler failed: an exception other than Drop, or retries ran out.</summary>
    Failed = 2,
}
