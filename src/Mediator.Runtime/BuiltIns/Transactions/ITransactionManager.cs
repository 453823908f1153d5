using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Transactions;

/// <summary>
/// Begins units of work for the transaction middleware. The runtime ships <see cref="InMemoryTransactionManager"/> and
/// <see cref="DbTransactionManager"/> (ADO.NET); implement it for another store (an EF Core <c>DbContext</c>, a
/// message outbox, ...).
/// </summary>
public interface ITransactionManager
{
    /// <summary>Begins a unit of work for one send of a message carrying <paramref name="settings"/>.</summary>
    /// <param name="settings">The message's <see cref="TransactionalAttribute"/> (isolation level).</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The begun transaction; the middleware owns it from here.</returns>
    ValueTask<ITransaction> BeginAsync(TransactionalAttribute settings, CancellationToken cancellationToken);
}
