using System;
using Microsoft.EntityFrameworkCore;

namespace Mediator.EntityFrameworkCore;

/// <summary>
/// The scope's <see cref="DbContext"/> that <see cref="EfCoreTransactionMiddleware{TMessage, TResult}"/> runs its units
/// of work on: the very instance the scope gives the handler, because both come from the same scope.
/// <c>AddMediatorEfCoreTransactions&lt;TContext&gt;()</c> registers it (scoped) over the app's context type; the middleware
/// takes it instead of a type parameter for the context so that one generic middleware serves any app.
/// </summary>
public sealed class TransactionDbContext
{
    /// <summary>Wraps the scope's context.</summary>
    /// <param name="context">The app's context, resolved from the same scope as the handler.</param>
    public TransactionDbContext(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
    }

    /// <summary>The scope's context; its <see cref="DbContext.Database"/> begins, commits and rolls back the transaction.</summary>
    public DbContext Context { get; }
}
