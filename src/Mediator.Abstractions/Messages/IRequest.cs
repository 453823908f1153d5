namespace Mediator;

/// <summary>
/// A request that is handled by exactly one <see cref="IRequestHandler{TRequest, TResponse}"/>
/// and answers with a <typeparamref name="TResponse"/>.
/// </summary>
/// <typeparam name="TResponse">The type of the answer.</typeparam>
public interface IRequest<TResponse> : IMessage
{
}

/// <summary>
/// A request without an answer (a command), handled by exactly one
/// <see cref="IRequestHandler{TRequest}"/>. Middleware sees it as an
/// <see cref="IRequest{TResponse}"/> of <see cref="Unit"/>; user code never has to.
/// </summary>
public interface IRequest : IRequest<Unit>
{
}
