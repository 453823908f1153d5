using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Sends requests (and stream requests) through their compiled pipelines. The generated <c>Mediator</c> class implements this
/// interface and also has one strongly typed <c>Send</c> overload per request, which is the fastest path.
/// </summary>
public interface ISender
{
    /// <summary>Sends a request and returns its handler's answer.</summary>
    /// <typeparam name="TResponse">The answer type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Observed by middleware and passed to the handler.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="HandlerNotFoundException">No handler for the request's type was compiled into this mediator.</exception>
    ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);

    /// <summary>Sends a request that has no answer.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Observed by middleware and passed to the handler.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="HandlerNotFoundException">No handler for the request's type was compiled into this mediator.</exception>
    ValueTask Send(IRequest request, CancellationToken cancellationToken = default);

    /// <summary>Opens a stream: the request runs through its stream middleware and handler as the caller reads.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="request">The stream request.</param>
    /// <param name="cancellationToken">Passed to the middleware and the handler; cancel it to stop the stream.</param>
    /// <returns>The stream; nothing runs until the caller starts reading.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="HandlerNotFoundException">No handler for the request's type was compiled into this mediator.</exception>
    IAsyncEnumerable<TItem> CreateStream<TItem>(IStreamRequest<TItem> request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a request whose type is known only at run time (deserialized, taken from a queue): the generated mediator
    /// switches on its run-time type, without reflection, and sends it through that type's compiled pipeline, as the typed
    /// overloads do. A typed argument binds to the typed overloads, which skip the switch and the boxing.
    /// </summary>
    /// <param name="request">The request: an <see cref="IRequest{TResponse}"/> or <see cref="IRequest"/> (a struct arrives boxed).</param>
    /// <param name="cancellationToken">Observed by middleware and passed to the handler.</param>
    /// <returns>The handler's answer, boxed; for a request without an answer (<see cref="IRequest"/>), <see cref="Unit.Value"/>, as MediatR answers.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="HandlerNotFoundException">The object is a message, but no request handler for its type (or a base class of it) was compiled into this mediator.</exception>
    /// <exception cref="NotAMessageException">The object is no message at all (it implements no <see cref="IMessage"/> contract).</exception>
    ValueTask<object?> Send(object request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens the stream of a stream request whose type is known only at run time: the generated mediator switches on its
    /// run-time type, without reflection, and opens that type's compiled stream pipeline.
    /// </summary>
    /// <param name="request">The stream request: an <see cref="IStreamRequest{TItem}"/> (a struct arrives boxed).</param>
    /// <param name="cancellationToken">Passed to the middleware and the handler; cancel it to stop the stream.</param>
    /// <returns>The stream, its items boxed when they are structs; nothing runs until the caller starts reading.</returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="HandlerNotFoundException">The object is a message, but no stream handler for its type (or a base class of it) was compiled into this mediator.</exception>
    /// <exception cref="NotAMessageException">The object is no message at all (it implements no <see cref="IMessage"/> contract).</exception>
    IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default);
}
