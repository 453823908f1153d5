using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;

namespace Mediator.RabbitMQ;

/// <summary>
/// Sends envelopes to the broker: persistent, mandatory (a message no queue takes is an error, not a silent loss), and
/// confirmed: the returned task completes when the broker has the message, or fails with
/// <see cref="RabbitMqPublishException"/>.
/// </summary>
internal sealed class BrokerTransport : IRabbitMqTransport, IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _declaredExchanges = new(StringComparer.Ordinal);
    private IChannel? _channel;

    public BrokerTransport(RabbitMqConnection connection) => _connection = connection ?? throw new ArgumentNullException(nameof(connection));

    public async ValueTask SendAsync(RabbitMqEnvelope envelope, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = envelope.ContentType,
            ContentEncoding = envelope.ContentEncoding,
            Type = envelope.Type,
            MessageId = envelope.MessageId,
            Headers = envelope.Headers.Count == 0 ? null : new Dictionary<string, object?>(envelope.Headers),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connection.Options.ConfirmTimeout);
        try
        {
            var channel = await GetChannelAsync(timeout.Token).ConfigureAwait(false);
            if (!_declaredExchanges.ContainsKey(envelope.Exchange))
            {
                await RabbitMqTopology.DeclareExchangeAsync(channel, envelope.Exchange, timeout.Token).ConfigureAwait(false);
                _declaredExchanges.TryAdd(envelope.Exchange, true);
            }

            await channel.BasicPublishAsync(envelope.Exchange, envelope.RoutingKey, mandatory: true, properties, envelope.Body, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException timedOut)
        {
            throw Failure(envelope, $"the broker did not confirm it within {_connection.Options.ConfirmTimeout.TotalSeconds:0.###} s (RabbitMqOptions.ConfirmTimeout)", timedOut);
        }
        catch (global::RabbitMQ.Client.Exceptions.PublishException refused)
        {
            throw Failure(envelope, refused.IsReturn ? "no queue is bound to take it (it was returned as unroutable): start a consumer that subscribes to it, or bind a queue" : "the broker refused it (nack)", refused);
        }
        catch (Exception other) when (other is global::RabbitMQ.Client.Exceptions.RabbitMQClientException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            throw Failure(envelope, "the connection or channel failed", other);
        }
    }

    internal static RabbitMqPublishException Failure(RabbitMqEnvelope envelope, string why, Exception? inner)
    {
        var type = envelope.Route?.MessageType ?? typeof(object);
        return new($"Publishing '{type.FullName}' to exchange '{envelope.Exchange}' with routing key '{envelope.RoutingKey}' was not confirmed: {why}. Publish it again once the broker is reachable.", type, envelope.Exchange, envelope.RoutingKey, inner);
    }

    private async ValueTask<IChannel> GetChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_channel is not { IsOpen: true })
            {
                if (_channel is { } closed)
                {
                    closed.Dispose();
                }

                // A channel closed by the broker (an error on it) is replaced; the exchanges are declared again on it.
                _declaredExchanges.Clear();
                _channel = await _connection.CreateChannelAsync(confirms: true, cancellationToken).ConfigureAwait(false);
            }

            return _channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            _channel = null;
            await channel.CloseAsync().ConfigureAwait(false);
            channel.Dispose();
        }

        _opening.Dispose();
    }
}
