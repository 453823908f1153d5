namespace Mediator.RabbitMQ;

/// <summary>What the consumer does with a message whose handler threw an exception that is neither
/// <see cref="DropException"/>, <see cref="RetryException"/> nor <see cref="Resilience.TransientException"/>.</summary>
public enum FailurePolicy
{
    /// <summary>The default: straight to the dead-letter queue. A bug does not get better by running it again, and
    /// retrying it would only delay the message people need to look at.</summary>
    DeadLetter = 0,

    /// <summary>Treat it as transient: delayed redelivery through the retry queues, then the dead-letter queue.</summary>
    Retry = 1,
}
