using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Publishing;

/// <summary>
/// Receives notifications that a handler failed to handle: retries ran out, or it threw something other than
/// <see cref="DropException"/>. Register one in the container to keep them (a table, a queue, a log); without one,
/// failures are only reported to the publisher through <see cref="PublishException"/>.
/// </summary>
public interface IDeadLetterSink
{
    /// <summary>Keeps a failed delivery. Exceptions thrown here are added to the failure the publisher sees.</summary>
    /// <param name="letter">The notification, its handler and what went wrong.</param>
    /// <param name="cancellationToken">The publisher's token.</param>
    ValueTask ReceiveAsync(DeadLetter letter, CancellationToken cancellationToken);
}
