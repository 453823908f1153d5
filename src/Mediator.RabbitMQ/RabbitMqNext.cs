using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>The rest of a <see cref="RabbitMqMiddleware"/> chain: a struct over the chain and a position, so that
/// passing it allocates nothing.</summary>
public readonly struct RabbitMqNext
{
    private readonly MiddlewareChain? _chain;
    private readonly int _index;

    internal RabbitMqNext(MiddlewareChain chain, int index)
    {
        _chain = chain;
        _index = index;
    }

    /// <summary>Runs the rest of the chain with <paramref name="envelope"/>.</summary>
    /// <param name="envelope">The message (the same one, or one the middleware made in its place).</param>
    /// <param name="cancellationToken">The token to pass on.</param>
    public ValueTask InvokeAsync(RabbitMqEnvelope envelope, CancellationToken cancellationToken)
        => _chain is null
            ? throw new System.InvalidOperationException("This RabbitMqNext was not given by the transport: call the one your middleware received.")
            : _chain.InvokeAsync(_index, envelope, cancellationToken);
}
