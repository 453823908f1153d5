using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Mediator.RabbitMQ;

/// <summary>
/// A hosted service that consumes one queue: it declares the queue, its bindings, dead-letter exchange and queue and
/// retry queues; takes at most <see cref="RabbitMqConsumerOptions.Prefetch"/> unacknowledged messages; and for each
/// message opens a DI scope, deserializes it and publishes it to this process's handlers through the compiled
/// pipelines. Success acks; a drop, an exhausted retry, a body that does not deserialize or (by default) any other
/// failure goes to the dead-letter queue with headers saying why; Retry and transient failures wait in a retry queue.
/// A message in progress at shutdown is requeued.
/// </summary>
public sealed class RabbitMqConsumer : IHostedService, IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqRouteTable _routes;
    private readonly RabbitMqConsumerOptions _options;
    private readonly IServiceProvider _services;
    private readonly IRabbitMqDeliveryObserver? _observer;
    private readonly bool _inMemory;
    private readonly CancellationTokenSource _stopping = new();
    // The client calls the consumer one message at a time per channel; the gate lets StopAsync wait for that message.
    private readonly SemaphoreSlim _inFlight = new(1, 1);
    private DeliveryProcessor? _processor;
    private IChannel? _channel;
    private IChannel? _publishChannel;
    private string? _consumerTag;

    /// <summary>Creates the consumer (it connects in <see cref="StartAsync"/>).</summary>
    /// <param name="options">The queue and its policies.</param>
    /// <param name="services">The app's root provider: the connection, the routes, the middleware, the inbox, a scope per message.</param>
    public RabbitMqConsumer(RabbitMqConsumerOptions options, IServiceProvider services)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _connection = services.GetRequiredService<RabbitMqConnection>();
        _routes = services.GetRequiredService<RabbitMqRouteTable>();
        _observer = services.GetService<IRabbitMqDeliveryObserver>();
        // With the test client, messages are delivered in memory as they are published: no broker, nothing to start.
        _inMemory = services.GetService<RabbitMqTestClient>() is not null;
    }

    /// <summary>The queue this consumer reads.</summary>
    public string Queue => _options.Queue;

    /// <summary>Declares the topology and starts consuming.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_inMemory)
        {
            return;
        }

        var subscribed = Subscribed(_options, _routes);
        _processor = new DeliveryProcessor(_options, subscribed, _services);

        _publishChannel = await _connection.CreateChannelAsync(confirms: true, cancellationToken).ConfigureAwait(false);
        _channel = await _connection.CreateChannelAsync(confirms: false, cancellationToken).ConfigureAwait(false);
        await RabbitMqTopology.DeclareConsumerAsync(_channel, _options, subscribed, cancellationToken).ConfigureAwait(false);
        await _channel.BasicQosAsync(prefetchSize: 0, prefetchCount: _options.Prefetch, global: false, cancellationToken).ConfigureAwait(false);

        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += OnReceivedAsync;
        _consumerTag = await _channel.BasicConsumeAsync(_options.Queue, autoAck: false, consumer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops: the message in progress sees its token cancelled and is requeued (unless it completed first), then the
    /// channel closes, which returns every prefetched, unacknowledged message to the queue.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the message in progress.</param>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_channel is null)
        {
            return;
        }

        _stopping.Cancel();

        // Wait for the message in progress (it sees the cancelled token and is requeued, or completes and is acked);
        // the gate is released before closing: the client may need its dispatcher, which is the caller of the gate.
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        _inFlight.Release();
        await CloseAsync().ConfigureAwait(false);
    }

    /// <summary>The routes a consumer's subscriptions name.</summary>
    internal static List<RabbitMqRoute> Subscribed(RabbitMqConsumerOptions options, RabbitMqRouteTable routes)
    {
        var subscribed = new List<RabbitMqRoute>();
        foreach (var type in options.Subscriptions)
        {
            subscribed.Add(routes.Find(type) ?? throw new RabbitMqConfigurationException($"The consumer of '{options.Queue}' subscribes to '{type.FullName}', which has no RabbitMQ route; add .Route<{type.Name}>(exchange, routingKey, jsonTypeInfo)."));
        }

        return subscribed;
    }

    private async Task CloseAsync()
    {
        if (_channel is { } channel)
        {
            _channel = null;
            if (_consumerTag is { } tag && channel.IsOpen)
            {
                // No new deliveries; what was prefetched and not acked returns to the queue when the channel closes.
                await channel.BasicCancelAsync(tag).ConfigureAwait(false);
            }

            await channel.CloseAsync().ConfigureAwait(false);
            channel.Dispose();
        }

        if (_publishChannel is { } publish)
        {
            _publishChannel = null;
            await publish.CloseAsync().ConfigureAwait(false);
            publish.Dispose();
        }
    }

    private async Task OnReceivedAsync(object sender, BasicDeliverEventArgs delivery)
    {
        var channel = ((AsyncEventingBasicConsumer)sender).Channel;
        if (_stopping.IsCancellationRequested)
        {
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true).ConfigureAwait(false);
            return;
        }

        await _inFlight.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopping.IsCancellationRequested)
            {
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true).ConfigureAwait(false);
                return;
            }

            await HandleAsync(channel, delivery).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        var message = Envelope(delivery);
        var decision = await _processor!.ProcessAsync(message, _stopping.Token).ConfigureAwait(false);
        switch (decision.Result)
        {
            case RabbitMqDeliveryResult.Handled:
            case RabbitMqDeliveryResult.Duplicate:
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
                break;
            case RabbitMqDeliveryResult.Requeued:
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true).ConfigureAwait(false);
                break;
            case RabbitMqDeliveryResult.RetryScheduled:
                await RetryLaterAsync(channel, delivery, message.Attempt).ConfigureAwait(false);
                break;
            default:
                await DeadLetterAsync(channel, delivery, message.Attempt, decision.DeadLetterOutcome!, decision.Reason ?? string.Empty, decision.Error).ConfigureAwait(false);
                break;
        }

        _observer?.OnDelivery(decision.ToRecord(message));
    }

    /// <summary>The delivery as middleware sees it: its own copy of the headers, so that changes stay in this process.</summary>
    private static RabbitMqEnvelope Envelope(BasicDeliverEventArgs delivery)
    {
        var properties = delivery.BasicProperties;
        var message = new RabbitMqEnvelope(delivery.Exchange, delivery.RoutingKey, delivery.Body)
        {
            ContentType = properties.ContentType,
            ContentEncoding = properties.ContentEncoding,
            MessageId = properties.MessageId,
            Type = properties.Type,
            Attempt = ReadAttempt(properties.Headers),
        };
        if (properties.Headers is { } headers)
        {
            foreach (var header in headers)
            {
                message.Headers[header.Key] = header.Value;
            }
        }

        return message;
    }

    /// <summary>Publishes a copy to the retry queue for this attempt's delay (confirmed), then acks the original: the
    /// consumer goes on with other messages while this one waits on the broker.</summary>
    private async Task RetryLaterAsync(IChannel channel, BasicDeliverEventArgs delivery, int attempt)
    {
        var properties = CopyProperties(delivery.BasicProperties);
        properties.Headers![RabbitMqHeaders.Attempt] = attempt + 1;
        await ForwardAsync(channel, delivery, string.Empty, RabbitMqTopology.RetryQueue(_options.Queue, _options.RetryDelay(attempt)), properties).ConfigureAwait(false);
    }

    /// <summary>
    /// Publishes a copy to the dead-letter exchange with headers saying why (confirmed), then acks the original. A
    /// reject would dead-letter it through the queue's own <c>x-dead-letter-exchange</c>, but without a reason: AMQP
    /// cannot add headers to a rejected message.
    /// </summary>
    private async Task DeadLetterAsync(IChannel channel, BasicDeliverEventArgs delivery, int attempt, string outcome, string reason, Exception? error)
    {
        var properties = CopyProperties(delivery.BasicProperties);
        properties.Headers![RabbitMqHeaders.Outcome] = outcome;
        properties.Headers[RabbitMqHeaders.Reason] = reason;
        properties.Headers[RabbitMqHeaders.Attempt] = attempt;
        if (error is not null)
        {
            properties.Headers[RabbitMqHeaders.ExceptionType] = error.GetType().FullName;
        }

        await ForwardAsync(channel, delivery, RabbitMqTopology.DeadLetterExchange(_options.Queue), _options.Queue, properties).ConfigureAwait(false);
    }

    private async Task ForwardAsync(IChannel channel, BasicDeliverEventArgs delivery, string exchange, string routingKey, BasicProperties properties)
    {
        try
        {
            await _publishChannel!.BasicPublishAsync(exchange, routingKey, mandatory: true, properties, delivery.Body).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Not confirmed: the original goes back to the queue rather than being lost.
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true).ConfigureAwait(false);
            throw;
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false).ConfigureAwait(false);
    }

    private static BasicProperties CopyProperties(IReadOnlyBasicProperties source)
    {
        // What this transport and its users set; the rest (expiration, priority, reply-to) does not apply to a forward.
        return new BasicProperties
        {
            Persistent = true,
            ContentType = source.ContentType,
            ContentEncoding = source.ContentEncoding,
            Type = source.Type,
            MessageId = source.MessageId,
            CorrelationId = source.CorrelationId,
            AppId = source.AppId,
            Timestamp = source.Timestamp,
            Headers = source.Headers is { } headers ? new Dictionary<string, object?>(headers) : new Dictionary<string, object?>(),
        };
    }

    private static int ReadAttempt(IDictionary<string, object?>? headers)
    {
        if (headers is null || !headers.TryGetValue(RabbitMqHeaders.Attempt, out var value))
        {
            return 1;
        }

        return value switch
        {
            int number => number,
            long number => (int)number,
            byte[] text when int.TryParse(Encoding.UTF8.GetString(text), out var number) => number,
            _ => 1,
        };
    }

    /// <summary>Stops consuming if still running and releases the channels.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }

        await _inFlight.WaitAsync().ConfigureAwait(false);
        _inFlight.Release();
        await CloseAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
