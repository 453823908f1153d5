namespace Mediator;

/// <summary>
/// A request answered by a stream of <typeparamref name="TItem"/>, handled by exactly one
/// <see cref="IStreamRequestHandler{TRequest, TItem}"/> and sent with <c>CreateStream</c>.
/// </summary>
/// <typeparam name="TItem">The type of each item of the stream.</typeparam>
public interface IStreamRequest<TItem> : IMessage
{
}
