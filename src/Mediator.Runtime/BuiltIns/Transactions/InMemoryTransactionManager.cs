using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Transactions;

/// <summary>
/// A transaction manager without a store (the seed's): each unit of work is an <see cref="InMemoryTransaction"/> that
/// runs the actions the handler enlisted on commit, or the compensations on rollback. Useful in tests and for
/// in-process side effects that must only happen when the command succeeds. It counts what it did.
/// </summary>
public sealed class InMemoryTransactionManager : ITransactionManager
{
    private int _begun;
    private int _committed;
    private int _rolledBack;

    /// <summary>Units of work begun.</summary>
    public int Begun => Volatile.Read(ref _begun);

    /// <summary>Units of work committed.</summary>
    public int Committed => Volatile.Read(ref _committed);

    /// <summary>Units of work rolled back.</summary>
    public int RolledBack => Volatile.Read(ref _rolledBack);

    /// <inheritdoc />
    public ValueTask<ITransaction> BeginAsync(TransactionalAttribute settings, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _begun);
        return new ValueTask<ITransaction>(new InMemoryTransaction(this));
    }

    internal void OnCommitted() => Interlocked.Increment(ref _committed);

    internal void OnRolledBack() => Interlocked.Increment(ref _rolledBack);
}
