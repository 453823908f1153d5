using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;

namespace Mediator.RabbitMQ;

/// <summary>
/// Publishes routed notifications to the broker: serialized with their source-generated JSON contract, persistent,
/// mandatory (a message no queue takes is an error, not a silent loss), and confirmed: the returned task completes
/// when the broker has the message, or fails with <see cref="RabbitMqPublishException"/>.
/// </summary>
public sealed class RabbitMqPublisher : IAsyncDisposable
{
    private readonly RabbitMqConnection _connection;
    private readonly RabbitMqRouteTable _routes;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _declaredExchanges = new(StringComparer.Ordinal);
    private IChannel? _channel;

    /// <summary>Creates the publisher.</summary>
    /// <param name="connection">The app's connection.</param>
    /// <param name="routes">The app's routes.</param>
    public RabbitMqPublisher(RabbitMqConnection connection, RabbitMqRouteTable routes)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _routes = routes ?? throw new ArgumentNullException(nameof(routes));
    }

    /// <summary>Publishes <paramref name="notification"/> on its route and waits for the broker's confirm.</summary>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Stops waiting (the message may still reach the broker).</param>
    /// <exception cref="RabbitMqPublishException">Not confirmed: nacked, unroutable, timed out or disconnected; publish again.</exception>
    /// <exception cref="RabbitMqConfigurationException">The type has no route.</exception>
    public async ValueTask PublishAsync<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        if (notification is null)
        {
            throw new ArgumentNullException(nameof(notification));
        }

        var route = _routes.For<TNotification>();
        var body = route.Serialize(notification);
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/json",
            Type = route.Name,
            MessageId = Guid.NewGuid().ToString("N"),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connection.Options.ConfirmTimeout);
        try
        {
            var channel = await GetChannelAsync(timeout.Token).ConfigureAwait(false);
            if (!_declaredExchanges.ContainsKey(route.Exchange))
            {
                await RabbitMqTopology.DeclareExchangeAsync(channel, route.Exchange, timeout.Token).ConfigureAwait(false);
                _declaredExchanges.TryAdd(route.Exchange, true);
            }

            await channel.BasicPublishAsync(route.Exchange, route.RoutingKey, mandatory: true, properties, body, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException timedOut)
        {
            throw Failure(route, $"the broker did not confirm it within {_connection.Options.ConfirmTimeout.TotalSeconds:0.###} s (RabbitMqOptions.ConfirmTimeout)", timedOut);
        }
        catch (global::RabbitMQ.Client.Exceptions.PublishException refused)
        {
            throw Failure(route, refused.IsReturn ? "no queue is bound to take it (it was returned as unroutable): start a consumer that subscribes to it, or bind a queue" : "the broker refused it (nack)", refused);
        }
        catch (Exception other) when (other is global::RabbitMQ.Client.Exceptions.RabbitMQClientException or System.IO.IOException or System.Net.Sockets.SocketException)
        {
            throw Failure(route, "the connection or channel failed", other);
        }
    }

    private static RabbitMqPublishException Failure(RabbitMqRoute route, string why, Exception inner)
        => new($"Publishing '{route.MessageType.FullName}' to exchange '{route.Exchange}' with routing key '{route.RoutingKey}' was not confirmed: {why}. Publish it again once the broker is reachable.", route.MessageType, route.Exchange, route.RoutingKey, inner);

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

    /// <summary>Closes the publishing channel.</summary>
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
