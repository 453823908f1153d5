using System;
using System.Collections.Generic;

namespace Mediator.RabbitMQ;

/// <summary>
/// One message as it travels: where it goes (exchange, routing key), its body and its headers. Publisher-side middleware
/// (<see cref="RabbitMqMiddleware.OnPublishAsync"/>) sees it before it is sent and may change any of it; consumer-side
/// middleware (<see cref="RabbitMqMiddleware.OnMessageAsync"/>) sees it as it arrived, before it is deserialized.
/// </summary>
public sealed class RabbitMqEnvelope
{
    /// <summary>Creates an envelope (the transport makes them; tests of a middleware may too).</summary>
    /// <param name="exchange">The exchange it is published to.</param>
    /// <param name="routingKey">Its routing key.</param>
    /// <param name="body">Its body.</param>
    public RabbitMqEnvelope(string exchange, string routingKey, ReadOnlyMemory<byte> body)
    {
        Exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        RoutingKey = routingKey ?? throw new ArgumentNullException(nameof(routingKey));
        Body = body;
    }

    /// <summary>The exchange it is (or was) published to.</summary>
    public string Exchange { get; set; }

    /// <summary>Its routing key; a publisher-side middleware may change it (the queues bound to the new key get it).</summary>
    public string RoutingKey { get; set; }

    /// <summary>The body: UTF-8 JSON, unless a middleware encoded it (see <see cref="ContentEncoding"/>).</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>AMQP <c>content-type</c>; <c>application/json</c> for what the transport serializes.</summary>
    public string? ContentType { get; set; } = "application/json";

    /// <summary>AMQP <c>content-encoding</c>: how the body is encoded on top of its content type (<c>gzip</c> after
    /// <see cref="GZipMiddleware"/>); null when it is not.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>AMQP <c>message-id</c>: unique per published message, kept on retries and dead letters; the inbox drops
    /// a second delivery of the same id.</summary>
    public string? MessageId { get; set; }

    /// <summary>AMQP <c>type</c>: the route's name, by which the consumer finds the notification type.</summary>
    public string? Type { get; set; }

    /// <summary>The AMQP headers (<c>traceparent</c>, <c>x-mediator-attempt</c>, your own). A consumed message's string
    /// values arrive as UTF-8 byte arrays, as the client hands them over: read them with <see cref="GetHeader"/>.</summary>
    public IDictionary<string, object?> Headers { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The queue a consumed message came from; null while publishing.</summary>
    public string? Queue { get; internal set; }

    /// <summary>The delivery attempt of a consumed message: 1 the first time, 2 after the first retry, ...</summary>
    public int Attempt { get; internal set; } = 1;

    /// <summary>The route the message travels on, when the transport knows it (always when publishing).</summary>
    public RabbitMqRoute? Route { get; internal set; }

    /// <summary>A header as text (UTF-8 byte arrays decoded), or null when it is absent.</summary>
    /// <param name="name">The header's name.</param>
    public string? GetHeader(string name)
        => Headers.TryGetValue(name, out var value) ? RabbitMqHeaders.Text(value) : null;
}
