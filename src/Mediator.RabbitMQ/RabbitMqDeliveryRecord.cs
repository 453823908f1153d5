using System;

namespace Mediator.RabbitMQ;

/// <summary>What became of one delivery of a consumed message: the consumer reports each to the app's
/// <see cref="IRabbitMqDeliveryObserver"/>, and <see cref="RabbitMqTestClient.Results"/> lists them.</summary>
/// <param name="Queue">The queue it was consumed from.</param>
/// <param name="MessageId">Its AMQP message id.</param>
/// <param name="Type">Its AMQP type (the route's name).</param>
/// <param name="Attempt">The delivery attempt, from 1.</param>
/// <param name="Result">What the consumer did with it.</param>
/// <param name="DeadLetterOutcome">When dead-lettered, why: a <see cref="DeadLetterOutcomes"/> value.</param>
/// <param name="Reason">When dead-lettered or retried, the reason (the exception's message).</param>
/// <param name="Exception">The exception that ended the attempt, if one did.</param>
/// <param name="RetryDelay">When retried, how long it waits before the next attempt.</param>
public sealed record RabbitMqDeliveryRecord(
    string Queue,
    string? MessageId,
    string? Type,
    int Attempt,
    RabbitMqDeliveryResult Result,
    string? DeadLetterOutcome = null,
    string? Reason = null,
    Exception? Exception = null,
    TimeSpan RetryDelay = default);

/// <summary>What the consumer did with one delivery.</summary>
public enum RabbitMqDeliveryResult
{
    /// <summary>The handlers completed: acknowledged.</summary>
    Handled,

    /// <summary>The inbox had its message id: acknowledged without running the handlers.</summary>
    Duplicate,

    /// <summary>Sent to a retry queue, to come back after <see cref="RabbitMqDeliveryRecord.RetryDelay"/>.</summary>
    RetryScheduled,

    /// <summary>Sent to the dead-letter queue.</summary>
    DeadLettered,

    /// <summary>Returned to the queue unhandled (the consumer was stopping).</summary>
    Requeued,
}

/// <summary>Sees what became of each consumed message (register one as a singleton; it is called on the consumer's
/// thread, so keep it quick).</summary>
public interface IRabbitMqDeliveryObserver
{
    /// <summary>Called once per delivery, after the consumer acted on it.</summary>
    /// <param name="record">The delivery and its result.</param>
    void OnDelivery(RabbitMqDeliveryRecord record);
}
