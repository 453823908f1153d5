using System.Threading;

namespace Mediator.Transactions;

/// <summary>
/// The <see cref="ITransactionContext"/> the transaction middleware writes: an <see cref="AsyncLocal{T}"/>, so the
/// transaction follows the send into its handler and into sends the handler makes, and no further.
/// </summary>
public sealed class AmbientTransactionContext : ITransactionContext
{
    private readonly AsyncLocal<ITransaction?> _current = new();

    /// <inheritdoc />
    public ITransaction? Current => _current.Value;

    internal void Set(ITransaction? transaction) => _current.Value = transaction;
}
