using System.Collections.Generic;
using System.Threading;

namespace Mediator;

/// <summary>
/// Answers <typeparamref name="TRequest"/> with a stream of <typeparamref name="TItem"/>. Write <see cref="Handle"/> as
/// an async iterator (<c>async IAsyncEnumerable&lt;T&gt;</c> with <c>yield return</c>) and observe the token, so that
/// a caller who stops early or cancels also stops the work. Mark the class with <see cref="HandlerAttribute"/>.
/// </summary>
/// <typeparam name="TRequest">The request handled.</typeparam>
/// <typeparam name="TItem">The type of each item.</typeparam>
public interface IStreamRequestHandler<in TRequest, out TItem>
    where TRequest : IStreamRequest<TItem>
{
    /// <summary>Produces the stream. Must not return <see langword="null"/> (<see cref="StreamHandlerReturnedNullException"/>).</summary>
    /// <param name="request">The request, never <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up; stop producing items when it is.</param>
    /// <returns>The items, produced lazily.</returns>
    IAsyncEnumerable<TItem> Handle(TRequest request, CancellationToken cancellationToken);
}
