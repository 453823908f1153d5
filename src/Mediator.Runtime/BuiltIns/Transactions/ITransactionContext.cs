namespace Mediator.Transactions;

/// <summary>
/// How a handler reaches the unit of work it runs in: inject it and read <see cref="Current"/> (for ADO.NET, cast to
/// <see cref="DbUnitOfWork"/> or call <c>RequireDbUnitOfWork()</c>). The value flows with the async call, so
/// concurrent sends each see their own.
/// </summary>
public interface ITransactionContext
{
    /// <summary>The transaction of the send in progress on this async flow, or null outside a transactional send.</summary>
    ITransaction? Current { get; }
}
