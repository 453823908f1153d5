using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>The route of <typeparamref name="TNotification"/>, with the source-generated JSON contract that
/// serializes it (no reflection, so it works trimmed and in Native AOT).</summary>
/// <typeparam name="TNotification">The notification type.</typeparam>
public sealed class RabbitMqRoute<TNotification> : RabbitMqRoute
    where TNotification : INotification
{
    private readonly JsonTypeInfo<TNotification> _json;

    internal RabbitMqRoute(string name, string exchange, string routingKey, JsonTypeInfo<TNotification> json)
        : base(typeof(TNotification), name, exchange, routingKey)
        => _json = json;

    /// <summary>Serializes the notification to UTF-8 JSON.</summary>
    /// <param name="notification">The notification.</param>
    public byte[] Serialize(TNotification notification) => JsonSerializer.SerializeToUtf8Bytes(notification, _json);

    internal override byte[] SerializeObject(object notification) => Serialize((TNotification)notification);

    internal override object Deserialize(ReadOnlyMemory<byte> body)
        => JsonSerializer.Deserialize(body.Span, _json)
           ?? throw new JsonException($"The body is JSON null, not a {typeof(TNotification).FullName}.");

    internal override ValueTask DispatchAsync(IServiceProvider services, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
        => DispatchAsync(services, Deserialize(body), cancellationToken);

    internal override ValueTask DispatchAsync(IServiceProvider services, object notification, CancellationToken cancellationToken)
        => services.GetRequiredService<IPublisher>().Publish((TNotification)notification, cancellationToken);
}
