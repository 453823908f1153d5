using System;

namespace Mediator.RabbitMQ;

/// <summary>What to do with a consumed message, decided by <see cref="DeliveryProcessor"/>; the broker consumer and the
/// test client each carry it out their way.</summary>
internal readonly struct DeliveryDecision
{
    private DeliveryDecision(RabbitMqDeliveryResult result, string? outcome, string? reason, Exception? error, TimeSpan delay)
    {
        Result = result;
        DeadLetterOutcome = outcome;
        Reason = reason;
        Error = error;
        Delay = delay;
    }

    public RabbitMqDeliveryResult Result { get; }

    public string? DeadLetterOutcome { get; }

    public string? Reason { get; }

    public Exception? Error { get; }

    public TimeSpan Delay { get; }

    public static DeliveryDecision Handled => new(RabbitMqDeliveryResult.Handled, null, null, null, default);

    public static DeliveryDecision Duplicate => new(RabbitMqDeliveryResult.Duplicate, null, null, null, default);

    public static DeliveryDecision Requeue => new(RabbitMqDeliveryResult.Requeued, null, null, null, default);

    public static DeliveryDecision Retry(TimeSpan delay, string reason, Exception error) => new(RabbitMqDeliveryResult.RetryScheduled, null, reason, error, delay);

    public static DeliveryDecision DeadLetter(string outcome, string reason, Exception? error) => new(RabbitMqDeliveryResult.DeadLettered, outcome, reason, error, default);

    public RabbitMqDeliveryRecord ToRecord(RabbitMqEnvelope message)
        => new(message.Queue ?? string.Empty, message.MessageId, message.Type, message.Attempt, Result, DeadLetterOutcome, Reason, Error, Delay);
}
