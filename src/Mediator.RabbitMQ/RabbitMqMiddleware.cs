using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// Middleware on the broker's side of the mediator, as the FastPubSub seed has it: one class may act on both directions.
/// Registered for the whole connection (<see cref="RabbitMqBuilder.Use(RabbitMqMiddleware)"/>, the broker level), for
/// one queue's consumer (<see cref="RabbitMqConsumerOptions.Use(RabbitMqMiddleware)"/>, the router level) or for one
/// subscription of a queue (<see cref="RabbitMqSubscriberOptions.Use(RabbitMqMiddleware)"/>, the subscriber level).
/// A consumed message passes broker, then router, then subscriber middleware, then is deserialized and handed to the
/// compiled handler pipelines; a published one passes the broker middleware after the mediator's publish-side
/// middleware, then goes to the broker. Within a level, the order of registration, outermost first.
/// Keep middleware stateless: one instance serves every message, on several threads.
/// </summary>
public abstract class RabbitMqMiddleware
{
    /// <summary>
    /// A consumed message, before it is deserialized. Throw <see cref="DropException"/> to dead-letter it,
    /// <see cref="RetryException"/> to redeliver it later; exceptions from further in (the handlers) come out of
    /// <paramref name="next"/> as they do from any call. The default passes it on.
    /// </summary>
    /// <param name="message">The message as it arrived; a middleware may change its body and headers for those after it.</param>
    /// <param name="next">The rest of the chain: call it once, unless the message ends here.</param>
    /// <param name="cancellationToken">Cancelled when the consumer stops: the message is then requeued.</param>
    public virtual ValueTask OnMessageAsync(RabbitMqEnvelope message, RabbitMqNext next, CancellationToken cancellationToken)
        => next.InvokeAsync(message, cancellationToken);

    /// <summary>
    /// An outgoing message, serialized, before it is sent: headers, routing key and body may change here. Throw to stop
    /// the publish (the caller gets the exception). The default passes it on.
    /// </summary>
    /// <param name="envelope">The outgoing message.</param>
    /// <param name="next">The rest of the chain, ending with the send: call it once.</param>
    /// <param name="cancellationToken">The publisher's token.</param>
    public virtual ValueTask OnPublishAsync(RabbitMqEnvelope envelope, RabbitMqNext next, CancellationToken cancellationToken)
        => next.InvokeAsync(envelope, cancellationToken);
}
