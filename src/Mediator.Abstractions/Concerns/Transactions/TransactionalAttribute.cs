using System;
using System.Data;

namespace Mediator.Transactions;

/// <summary>
/// Runs this message's handler in a unit of work: the transaction middleware begins a transaction before the handler,
/// commits it when the handler returns and rolls it back when the handler throws (cancellation included). The
/// handler reaches the transaction through <c>ITransactionContext</c>. A transactional message sent from inside
/// another one's handler joins the outer transaction.
/// </summary>
/// <example><code>
/// [Transactional]
/// public sealed record PlaceOrder(int CustomerId) : IRequest&lt;int&gt;;
/// </code></example>
[RequiresConcern(Concerns.Transaction)]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class TransactionalAttribute : Attribute
{
    /// <summary>The isolation level asked of the transaction manager. Default: the store's own default.</summary>
    public IsolationLevel IsolationLevel { get; set; } = IsolationLevel.Unspecified;
}
