namespace Mediator.RabbitMQ;

/// <summary>
/// The AMQP headers this transport writes. The consumer reads <see cref="Attempt"/>; the others say why a message is in
/// a dead-letter queue, for people and tools that read it.
/// </summary>
public static class RabbitMqHeaders
{
    /// <summary>The delivery attempt this message is on: absent (1) when first published, 2 after the first retry.</summary>
    public const string Attempt = "x-mediator-attempt";

    /// <summary>On a dead-lettered message, why it is there: one of the <see cref="DeadLetterOutcomes"/> values.</summary>
    public const string Outcome = "x-mediator-outcome";

    /// <summary>On a dead-lettered message, the reason given (the <see cref="DropException"/>'s or the failure's message).</summary>
    public const string Reason = "x-mediator-reason";

    /// <summary>On a dead-lettered message, the full name of the exception that ended it.</summary>
    public const string ExceptionType = "x-mediator-exception-type";
}
