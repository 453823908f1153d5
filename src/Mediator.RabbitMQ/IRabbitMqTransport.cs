using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>Where a published envelope goes after the publisher-side middleware: the broker
/// (<see cref="BrokerTransport"/>), or the in-memory <see cref="RabbitMqTestClient"/>.</summary>
internal interface IRabbitMqTransport
{
    /// <summary>Sends the envelope; completes when it is safely taken (confirmed by the broker).</summary>
    ValueTask SendAsync(RabbitMqEnvelope envelope, CancellationToken cancellationToken);
}
