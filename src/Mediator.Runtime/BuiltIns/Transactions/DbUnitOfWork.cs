using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Transactions;

/// <summary>
/// A unit of work of <see cref="DbTransactionManager"/>: an open connection and the transaction begun on it. Handlers
/// run their commands through <see cref="CreateCommand"/>, which enlists them in the transaction.
/// </summary>
public sealed class DbUnitOfWork : ITransaction
{
    internal DbUnitOfWork(DbConnection connection, DbTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    /// <summary>The open connection the transaction runs on.</summary>
    public DbConnection Connection { get; }

    /// <summary>The transaction; commands must carry it (some providers refuse commands that do not).</summary>
    public DbTransaction Transaction { get; }

    /// <summary>A command on <see cref="Connection"/>, enlisted in <see cref="Transaction"/>.</summary>
    public DbCommand CreateCommand()
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        return command;
    }

    /// <inheritdoc />
    public ValueTask CommitAsync(CancellationToken cancellationToken) => new(Transaction.CommitAsync(cancellationToken));

    /// <inheritdoc />
    public ValueTask RollbackAsync(CancellationToken cancellationToken) => new(Transaction.RollbackAsync(cancellationToken));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync().ConfigureAwait(false);
        await Connection.DisposeAsync().ConfigureAwait(false);
    }
}
