using System;

namespace Mediator.Transactions;

/// <summary>Typed access to the current unit of work.</summary>
public static class TransactionContextExtensions
{
    /// <summary>The current ADO.NET unit of work.</summary>
    /// <param name="context">The injected context.</param>
    /// <exception cref="InvalidOperationException">No transactional send is in progress, or its manager is not <see cref="DbTransactionManager"/>.</exception>
    public static DbUnitOfWork RequireDbUnitOfWork(this ITransactionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Current as DbUnitOfWork
            ?? throw new InvalidOperationException(
                "No ADO.NET transaction is in progress: the message must carry [Transactional], TransactionMiddleware must be in its pipeline, and the manager must be DbTransactionManager.");
    }
}
