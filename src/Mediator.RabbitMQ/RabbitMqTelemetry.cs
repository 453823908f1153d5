using System.Diagnostics;

namespace Mediator.RabbitMQ;

/// <summary>
/// The transport's spans (<see cref="ActivitySource"/> <c>CompiledMediator.RabbitMQ</c>; listen to it with OpenTelemetry's
/// <c>AddSource</c>): a producer span per publish, whose W3C <c>traceparent</c> travels in the message's headers, and a
/// consumer span per delivery that continues it, so one trace runs from the publishing request to the handlers in the
/// consuming process. Tag names follow OpenTelemetry's messaging conventions.
/// </summary>
public static class RabbitMqTelemetry
{
    /// <summary>The name of the transport's <see cref="ActivitySource"/>.</summary>
    public const string SourceName = "CompiledMediator.RabbitMQ";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the producer span (when someone listens) and writes the trace context into the headers: the
    /// span's, or else the caller's current one, so a trace continues even when this source is not listened to.</summary>
    internal static Activity? StartPublish(RabbitMqEnvelope envelope)
    {
        var activity = Source.StartActivity(envelope.Exchange + " publish", ActivityKind.Producer);
        if (activity is not null)
        {
            activity.SetTag("messaging.system", "rabbitmq");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", envelope.Exchange);
            activity.SetTag("messaging.rabbitmq.destination.routing_key", envelope.RoutingKey);
            activity.SetTag("messaging.message.id", envelope.MessageId);
        }

        if ((activity ?? Activity.Current) is { IdFormat: ActivityIdFormat.W3C } current)
        {
            envelope.Headers[RabbitMqHeaders.TraceParent] = current.Id;
            if (current.TraceStateString is { Length: > 0 } state)
            {
                envelope.Headers[RabbitMqHeaders.TraceState] = state;
            }
        }

        return activity;
    }

    /// <summary>Starts the consumer span, a child of the publisher's when the message carries a valid <c>traceparent</c>.</summary>
    internal static Activity? StartConsume(RabbitMqEnvelope message)
    {
        var name = (message.Queue ?? message.Exchange) + " process";
        var activity = message.GetHeader(RabbitMqHeaders.TraceParent) is { } traceParent
            && ActivityContext.TryParse(traceParent, message.GetHeader(RabbitMqHeaders.TraceState), isRemote: true, out var parent)
            ? Source.StartActivity(name, ActivityKind.Consumer, parent)
            : Source.StartActivity(name, ActivityKind.Consumer);
        if (activity is not null)
        {
            activity.SetTag("messaging.system", "rabbitmq");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", message.Queue);
            activity.SetTag("messaging.message.id", message.MessageId);
            activity.SetTag("messaging.rabbitmq.delivery_attempt", message.Attempt);
        }

        return activity;
    }
}
