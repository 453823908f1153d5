using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>
/// The middleware of one direction and one place (a subscription of a queue, or publishing), outermost first, then the
/// transport's own last step: built once, when the consumer starts or the publisher is made, never per message.
/// </summary>
internal sealed class MiddlewareChain
{
    private readonly RabbitMqMiddleware[] _layers;
    private readonly bool _publishing;
    private readonly Func<RabbitMqEnvelope, CancellationToken, ValueTask> _last;

    public MiddlewareChain(IEnumerable<RabbitMqMiddleware> layers, bool publishing, Func<RabbitMqEnvelope, CancellationToken, ValueTask> last)
    {
        _layers = new List<RabbitMqMiddleware>(layers).ToArray();
        _publishing = publishing;
        _last = last;
    }

    public ValueTask InvokeAsync(RabbitMqEnvelope envelope, CancellationToken cancellationToken) => InvokeAsync(0, envelope, cancellationToken);

    public ValueTask InvokeAsync(int index, RabbitMqEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope is null)
        {
            throw new ArgumentNullException(nameof(envelope), "A RabbitMQ middleware passed null to next.");
        }

        if (index >= _layers.Length)
        {
            return _last(envelope, cancellationToken);
        }

        var next = new RabbitMqNext(this, index + 1);
        return _publishing
            ? _layers[index].OnPublishAsync(envelope, next, cancellationToken)
            : _layers[index].OnMessageAsync(envelope, next, cancellationToken);
    }
}
