namespace Mediator.Logging;

/// <summary>What the logging middleware writes.</summary>
public sealed class LoggingOptions
{
    /// <summary>The logger category (default "Mediator").</summary>
    public string Category { get; set; } = "Mediator";

    /// <summary>
    /// Whether the start entry includes the message itself (its <c>ToString()</c>, which for a record lists every
    /// property). Off by default: messages carry personal data, passwords and card numbers that must not reach logs
    /// unless you decide so.
    /// </summary>
    public bool LogMessagePayload { get; set; }
}
