using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EfCoreTests;

/// <summary>
/// EF Core's own account of the transactions: an interceptor on every context the app creates, recording which
/// context began, committed or rolled back which <see cref="DbTransaction"/>. The tests compare it with what the
/// handlers saw, so nothing in the package under test reports on itself.
/// </summary>
public sealed class TransactionProbe : DbTransactionInterceptor
{
    public ConcurrentQueue<TransactionEvent> Events { get; } = new();

    public IEnumerable<TransactionEvent> OfKind(TransactionEventKind kind) => Events.Where(e => e.Kind == kind);

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Record(TransactionEventKind.Started, eventData, result);
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(TransactionEventKind.Committed, eventData, transaction);
        return Task.CompletedTask;
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Record(TransactionEventKind.RolledBack, eventData, transaction);
        return Task.CompletedTask;
    }

    private void Record(TransactionEventKind kind, TransactionEventData eventData, DbTransaction transaction)
        => Events.Enqueue(new TransactionEvent(kind, eventData.Context!, transaction));
}

public enum TransactionEventKind
{
    Started,
    Committed,
    RolledBack,
}

public sealed record TransactionEvent(TransactionEventKind Kind, DbContext Context, DbTransaction Transaction);
