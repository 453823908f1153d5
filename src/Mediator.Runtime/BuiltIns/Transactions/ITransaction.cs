using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Transactions;

/// <summary>
/// One unit of work begun by an <see cref="ITransactionManager"/>. The transaction middleware commits it when the
/// handler succeeds, rolls it back when the handler throws, and disposes it in every case.
/// </summary>
public interface ITransaction : IAsyncDisposable
{
    /// <summary>Makes the unit of work's changes permanent.</summary>
    /// <param name="cancellationToken">The caller's token.</param>
    ValueTask CommitAsync(CancellationToken cancellationToken);

    /// <summary>Discards the unit of work's changes.</summary>
    /// <param name="cancellationToken">
    /// Not the caller's token: the middleware passes <see cref="CancellationToken.None"/>, because a cancelled send must
    /// still roll back.
    /// </param>
    ValueTask RollbackAsync(CancellationToken cancellationToken);
}
