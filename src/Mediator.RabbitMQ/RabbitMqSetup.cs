using System.Collections.Generic;

namespace Mediator.RabbitMQ;

/// <summary>What <c>AddMediatorRabbitMq</c> declared beyond the routes: the broker-level middleware and every consumer's
/// options (the hosted consumers and the test client both read them).</summary>
internal sealed class RabbitMqSetup
{
    public RabbitMqSetup(MiddlewareList broker) => Broker = broker;

    public MiddlewareList Broker { get; }

    public List<RabbitMqConsumerOptions> Consumers { get; } = new();
}
