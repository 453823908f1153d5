using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Transactions;

/// <summary>
/// An ADO.NET transaction manager for any provider with a <see cref="DbDataSource"/> (Npgsql, SqlClient,
/// Microsoft.Data.Sqlite through <c>DbProviderFactory.CreateDataSource</c>, ...): each unit of work opens a connection
/// and begins a <see cref="DbTransaction"/> on it, at the message's isolation level.
/// </summary>
public sealed class DbTransactionManager : ITransactionManager
{
    private readonly DbDataSource _dataSource;

    /// <summary>Creates a manager over <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">Where connections come from.</param>
    public DbTransactionManager(DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public async ValueTask<ITransaction> BeginAsync(TransactionalAttribute settings, CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(settings.IsolationLevel, cancellationToken).ConfigureAwait(false);
            return new DbUnitOfWork(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
