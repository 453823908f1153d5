using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Handles <typeparamref name="TRequest"/> and answers with <typeparamref name="TResponse"/>.
/// Mark the class with <see cref="HandlerAttribute"/> so that the source generator builds its pipeline.
/// </summary>
/// <typeparam name="TRequest">The request handled.</typeparam>
/// <typeparam name="TResponse">The answer.</typeparam>
public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    /// <summary>Handles the request.</summary>
    /// <param name="request">The request, never <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancelled when the caller (or a middleware such as a timeout) gives up.</param>
    /// <returns>The answer.</returns>
    ValueTask<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Handles a request that has no answer (<see cref="IRequest"/>).
/// Mark the class with <see cref="HandlerAttribute"/> so that the source generator builds its pipeline.
/// </summary>
/// <typeparam name="TRequest">The request handled.</typeparam>
public interface IRequestHandler<in TRequest>
    where TRequest : IRequest
{
    /// <summary>Handles the request.</summary>
    /// <param name="request">The request, never <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancelled when the caller (or a middleware such as a timeout) gives up.</param>
    /// <returns>A task that completes when the request has been handled.</returns>
    ValueTask Handle(TRequest request, CancellationToken cancellationToken);
}
