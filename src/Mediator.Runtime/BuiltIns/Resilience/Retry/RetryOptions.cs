namespace Mediator.Resilience;

/// <summary>Settings of the retry middleware shared by all messages; per-message settings are on <see cref="RetryAttribute"/>.</summary>
public sealed class RetryOptions
{
    /// <summary>
    /// Whether a <see cref="System.TimeoutException"/> (an attempt cut short by the timeout middleware inside retry)
    /// is retried. Default true: a fresh attempt gets a fresh deadline.
    /// </summary>
    public bool RetryTimeouts { get; set; } = true;
}
