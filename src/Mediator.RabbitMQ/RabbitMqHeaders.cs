using System.Text;

namespace Mediator.RabbitMQ;

/// <summary>
/// The AMQP headers this transport writes. The consumer reads <see cref="Attempt"/> and the trace context; the others say
/// why a message is in a dead-letter queue, for people and tools that read it.
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

    /// <summary>W3C Trace Context: the publisher's span, which the consumer's span continues.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C Trace Context: vendor state that travels with <see cref="TraceParent"/>.</summary>
    public const string TraceState = "tracestate";

    /// <summary>A header value as text: the client hands string headers over as UTF-8 byte arrays.</summary>
    /// <param name="value">The value as read from the headers.</param>
    public static string? Text(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
