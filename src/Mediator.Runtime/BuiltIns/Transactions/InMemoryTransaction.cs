using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Transactions;

/// <summary>
/// A unit of work of <see cref="InMemoryTransactionManager"/>: the handler enlists what to do on commit
/// (<see cref="OnCommit"/>) and how to undo what it already did (<see cref="OnRollback"/>, run newest first).
/// </summary>
public sealed class InMemoryTransaction : ITransaction
{
    private readonly InMemoryTransactionManager _manager;
    private readonly List<Action> _onCommit = new();
    private readonly List<Action> _onRollback = new();

    internal InMemoryTransaction(InMemoryTransactionManager manager) => _manager = manager;

    /// <summary>Runs <paramref name="action"/> if and when the unit of work commits.</summary>
    /// <param name="action">The deferred effect.</param>
    public void OnCommit(Action action) => _onCommit.Add(action);

    /// <summary>Runs <paramref name="compensation"/> if the unit of work rolls back.</summary>
    /// <param name="compensation">What undoes an effect already applied.</param>
    public void OnRollback(Action compensation) => _onRollback.Add(compensation);

    /// <inheritdoc />
    public ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var action in _onCommit)
        {
            action();
        }

        _manager.OnCommitted();
        return default;
    }

    /// <inheritdoc />
    public ValueTask RollbackAsync(CancellationToken cancellationToken)
    {
        for (var i = _onRollback.Count - 1; i >= 0; i--)
        {
            _onRollback[i]();
        }

        _manager.OnRolledBack();
        return default;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => default;
}
