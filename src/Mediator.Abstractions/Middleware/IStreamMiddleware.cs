using System.Collections.Generic;

namespace Mediator;

/// <summary>
/// Middleware around a stream (<c>CreateStream</c>). Write it as an async iterator: code before the
/// <c>await foreach</c> runs when the caller starts reading, code inside it runs around each item, and code after it
/// when the stream ends:
/// <code>
/// [Middleware]
/// public sealed class CountItems&lt;TRequest, TItem&gt; : IStreamMiddleware&lt;TRequest, TItem&gt;
/// {
///     public async IAsyncEnumerable&lt;TItem&gt; InvokeAsync&lt;TNext&gt;(TRequest request, TNext next, MessageContext context)
///         where TNext : struct, IStreamNext&lt;TRequest, TItem&gt;
///     {
///         var count = 0;
///         await foreach (var item in next.InvokeAsync(request, context).WithCancellation(context.CancellationToken))
///         {
///             count++;
///             yield return item;
///         }
///     }
/// }
/// </code>
/// A class may implement this and <see cref="IMiddleware{TMessage, TResult}"/> to serve every mode.
/// </summary>
/// <typeparam name="TRequest">The stream request type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public interface IStreamMiddleware<TRequest, TItem>
{
    /// <summary>Wraps the rest of the pipeline's stream.</summary>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">Cancellation, message type and the optional items bag of this dispatch.</param>
    /// <returns>The stream the caller reads.</returns>
    IAsyncEnumerable<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>;
}
