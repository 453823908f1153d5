using System.Collections.Generic;

namespace Mediator;

/// <summary>
/// Middleware around a stream (<c>CreateStream</c>). Write it as an async iterator returning
/// <see cref="IAsyncEnumerator{T}"/>: code before the <c>await foreach</c> runs when the caller starts reading, code
/// inside it runs around each item, and code after it when the stream ends:
/// <code>
/// [Middleware]
/// public sealed class CountItems&lt;TRequest, TItem&gt; : IStreamMiddleware&lt;TRequest, TItem&gt;
/// {
///     public async IAsyncEnumerator&lt;TItem&gt; InvokeAsync&lt;TNext&gt;(TRequest request, TNext next, MessageContext context)
///         where TNext : struct, IStreamNext&lt;TRequest, TItem&gt;
///     {
///         var count = 0;
///         await foreach (var item in next.InvokeAsync(request, context))
///         {
///             count++;
///             yield return item;
///         }
///     }
/// }
/// </code>
/// A class may implement this and <see cref="IMiddleware{TMessage, TResult}"/> to serve every mode.
/// </summary>
/// <remarks>
/// Why an enumerator and not an <see cref="IAsyncEnumerable{T}"/>: the compiler keeps every parameter of an
/// <c>IAsyncEnumerable</c> iterator twice (once to hand out, once for the enumeration), so each layer would carry its
/// request, <c>next</c> and context twice. An <c>IAsyncEnumerator</c> iterator keeps them once, and a layer costs fewer
/// bytes than a hand-written <c>IAsyncEnumerable</c> iterator taking only the request and a token. The pipeline hands
/// the caller one <see cref="IAsyncEnumerable{T}"/> that opens the layers when reading starts. The caller's token
/// (<c>CreateStream</c>'s, and one given to <c>WithCancellation</c>) reaches every layer as
/// <see cref="MessageContext.CancellationToken"/>. A layer that does not need to see the items can return
/// <c>next.InvokeAsync(request, context).GetAsyncEnumerator()</c> without being an iterator, and costs nothing.
/// </remarks>
/// <typeparam name="TRequest">The stream request type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public interface IStreamMiddleware<TRequest, TItem>
{
    /// <summary>Wraps the rest of the pipeline's stream.</summary>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">Cancellation, message type and the optional items bag of this dispatch.</param>
    /// <returns>The items the caller reads.</returns>
    IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>;
}
