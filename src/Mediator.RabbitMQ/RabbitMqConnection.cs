using System;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;

namespace Mediator.RabbitMQ;

/// <summary>
/// The app's one connection to the broker (RabbitMQ's advice: one long-lived connection, a channel per job), opened on
/// first use and recovered by the client after a network failure. Registered as a singleton by
/// <c>AddMediatorRabbitMq</c>.
/// </summary>
public sealed class RabbitMqConnection : IAsyncDisposable
{
    private readonly RabbitMqOptions _options;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IConnection? _connection;

    /// <summary>Creates the (not yet opened) connection.</summary>
    /// <param name="options">The broker and the client name.</param>
    public RabbitMqConnection(RabbitMqOptions options) => _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The options this connection was made with.</summary>
    public RabbitMqOptions Options => _options;

    /// <summary>Opens a channel; <paramref name="confirms"/> turns on publisher confirms, tracked per publish.</summary>
    /// <param name="confirms">Whether each publish on the channel waits for the broker's confirm.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public async Task<IChannel> CreateChannelAsync(bool confirms, CancellationToken cancellationToken)
    {
        var connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: confirms, publisherConfirmationTrackingEnabled: confirms);
        return await connection.CreateChannelAsync(options, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } open)
        {
            return open;
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var uri = _options.Uri ?? throw new RabbitMqConfigurationException("RabbitMqOptions.Uri is not set: give AddMediatorRabbitMq the broker's AMQP URI (amqp://user:password@host:5672/).");
                // Recovery on (the client's default, written out): after a broker restart the connection, its channels,
                // the consumers and the topology they declared come back; publishes meanwhile fail with a typed error.
                var factory = new ConnectionFactory
                {
                    Uri = uri,
                    ClientProvidedName = _options.ClientName,
                    AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = true,
                    NetworkRecoveryInterval = _options.RecoveryInterval,
                };
                _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            }

            return _connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Closes the connection, if it was opened.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            await connection.CloseAsync().ConfigureAwait(false);
            connection.Dispose();
        }

        _opening.Dispose();
    }
}
