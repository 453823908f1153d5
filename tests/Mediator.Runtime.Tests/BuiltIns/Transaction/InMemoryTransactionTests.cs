using Mediator;
using Mediator.Transactions;

namespace RuntimeTests.BuiltIns.Transaction;

public sealed record RecordEvent(string Name);

public sealed class InMemoryTransactionTests
{
    private readonly InMemoryTransactionManager _manager = new();
    private readonly AmbientTransactionContext _context = new();
    private readonly List<string> _log = [];

    private ValueTask<int> Send(Func<InMemoryTransaction, ValueTask<int>> handler)
        => new TransactionMiddleware<RecordEvent, int>(new TransactionalAttribute(), _manager, _context).InvokeAsync(
            new RecordEvent("e"),
            new TestNext<RecordEvent, int>((_, _) => handler((InMemoryTransaction)_context.Current!)),
            new MessageContext(typeof(RecordEvent), default));

    [Fact]
    public async Task On_success_the_enlisted_effects_run_and_the_compensations_do_not()
    {
        await Send(tx =>
        {
            tx.OnCommit(() => _log.Add("publish"));
            tx.OnRollback(() => _log.Add("undo"));
            return new ValueTask<int>(1);
        });

        Assert.Equal(["publish"], _log);
        Assert.Equal((1, 1, 0), (_manager.Begun, _manager.Committed, _manager.RolledBack));
    }

    [Fact]
    public async Task On_failure_the_compensations_run_newest_first_and_the_effects_do_not()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(tx =>
        {
            tx.OnCommit(() => _log.Add("publish"));
            tx.OnRollback(() => _log.Add("undo first"));
            tx.OnRollback(() => _log.Add("undo second"));
            throw new InvalidOperationException("failed");
        }).AsTask());

        Assert.Equal(["undo second", "undo first"], _log);
        Assert.Equal((1, 0, 1), (_manager.Begun, _manager.Committed, _manager.RolledBack));
        Assert.Null(_context.Current);
    }

    [Fact]
    public async Task An_already_cancelled_caller_never_begins_a_transaction()
    {
        var calls = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new TransactionMiddleware<RecordEvent, int>(new TransactionalAttribute(), _manager, _context).InvokeAsync(
                new RecordEvent("e"), new TestNext<RecordEvent, int>((_, _) => new ValueTask<int>(++calls)), new MessageContext(typeof(RecordEvent), new CancellationToken(true))).AsTask());

        Assert.Equal(0, calls);
        Assert.Equal(0, _manager.Begun);
    }
}
