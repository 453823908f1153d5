namespace Mediator.RabbitMQ;

/// <summary>The values of the <see cref="RabbitMqHeaders.Outcome"/> header on a dead-lettered message.</summary>
public static class DeadLetterOutcomes
{
    /// <summary>A handler or middleware threw <see cref="DropException"/>: discarded on purpose.</summary>
    public const string Dropped = "dropped";

    /// <summary><see cref="RetryException"/> or a transient failure on every attempt up to the bound.</summary>
    public const string RetriesExhausted = "retries-exhausted";

    /// <summary>Another exception, under <see cref="FailurePolicy.DeadLetter"/> (the default).</summary>
    public const string Failed = "failed";

    /// <summary>The body did not deserialize, or its type is not one this consumer routes.</summary>
    public const string Undeserializable = "undeserializable";
}
