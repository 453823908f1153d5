using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace EfCoreTests;

/// <summary>What each handler saw when it ran: its context and the transaction current on it.</summary>
public sealed class HandlerLog
{
    public ConcurrentQueue<HandlerVisit> Visits { get; } = new();

    public void Record(string product, ShopDb db)
        => Visits.Enqueue(new HandlerVisit(product, db, db.Database.CurrentTransaction?.GetDbTransaction()));
}

public sealed record HandlerVisit(string Product, ShopDb Context, DbTransaction? Transaction);
