using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// Remembers which messages each queue's consumer has handled, by message id, so that a second delivery of one is
/// acknowledged without running the handlers again. RabbitMQ delivers at least once: a consumer that dies after its
/// handlers ran and before its ack gets the message again, and a publisher that retries an unconfirmed publish may send
/// it twice. Register one with <see cref="RabbitMqBuilder.UseInbox"/>: <see cref="InMemoryInboxStore"/> for tests and a
/// single process, <see cref="AdoNetInboxStore"/> (SQLite, PostgreSQL, ...) for real.
/// </summary>
/// <remarks>
/// The consumer asks <see cref="HasHandledAsync"/> before dispatching and calls <see cref="MarkHandledAsync"/> after the
/// handlers succeeded, before the ack: a crash between the handlers and the mark still runs them twice (the window is
/// one message wide); a mark in the same transaction as the handlers' own writes closes it.
/// </remarks>
public interface IInboxStore
{
    /// <summary>Whether <paramref name="messageId"/> was handled by the consumer of <paramref name="queue"/>.</summary>
    /// <param name="queue">The consumer's queue (each queue handles each message once).</param>
    /// <param name="messageId">The AMQP message id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    ValueTask<bool> HasHandledAsync(string queue, string messageId, CancellationToken cancellationToken);

    /// <summary>Records that the consumer of <paramref name="queue"/> handled <paramref name="messageId"/>; recording it
    /// twice is not an error.</summary>
    /// <param name="queue">The consumer's queue.</param>
    /// <param name="messageId">The AMQP message id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask MarkHandledAsync(string queue, string messageId, CancellationToken cancellationToken);
}
