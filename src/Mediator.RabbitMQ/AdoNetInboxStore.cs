using System;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// An inbox in a database table, through plain ADO.NET: <c>Microsoft.Data.Sqlite</c>'s <c>SqliteConnection</c>, Npgsql's
/// <c>NpgsqlConnection</c>, or any provider whose SQL accepts <c>INSERT ... ON CONFLICT DO NOTHING</c> (SQLite 3.24+,
/// PostgreSQL 9.5+). The table (<c>mediator_inbox</c> by default: queue, message id, when) is created on first use.
/// </summary>
public sealed class AdoNetInboxStore : IInboxStore
{
    private readonly Func<DbConnection> _connect;
    private readonly string _table;
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <summary>Creates the store.</summary>
    /// <param name="connect">Makes a new, closed connection (the store opens and disposes it per call, so pooling applies).</param>
    /// <param name="table">The table's name: letters, digits and underscores.</param>
    public AdoNetInboxStore(Func<DbConnection> connect, string table = "mediator_inbox")
    {
        _connect = connect ?? throw new ArgumentNullException(nameof(connect));
        foreach (var c in table ?? throw new ArgumentNullException(nameof(table)))
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException("The table name may hold letters, digits and underscores only (it is written into SQL).", nameof(table));
            }
        }

        _table = table;
    }

    /// <inheritdoc />
    public async ValueTask<bool> HasHandledAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, "SELECT COUNT(*) FROM " + _table + " WHERE queue = @queue AND message_id = @id", queue, messageId);
            var count = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(count, CultureInfo.InvariantCulture) > 0;
        }
    }

    /// <inheritdoc />
    public async ValueTask MarkHandledAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, "INSERT INTO " + _table + " (queue, message_id, handled_at) VALUES (@queue, @id, @at) ON CONFLICT DO NOTHING", queue, messageId);
            var at = command.CreateParameter();
            at.ParameterName = "@at";
            at.Value = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            command.Parameters.Add(at);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = _connect();
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await CreateTableAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CreateTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _creating.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!_created)
                {
                    using var create = connection.CreateCommand();
                    create.CommandText = "CREATE TABLE IF NOT EXISTS " + _table + " (queue VARCHAR(255) NOT NULL, message_id VARCHAR(255) NOT NULL, handled_at VARCHAR(40) NOT NULL, PRIMARY KEY (queue, message_id))";
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    _created = true;
                }
            }
            finally
            {
                _creating.Release();
            }
        }
    }

    private static DbCommand Command(DbConnection connection, string sql, string queue, string messageId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var q = command.CreateParameter();
        q.ParameterName = "@queue";
        q.Value = queue;
        command.Parameters.Add(q);
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = messageId;
        command.Parameters.Add(id);
        return command;
    }
}
