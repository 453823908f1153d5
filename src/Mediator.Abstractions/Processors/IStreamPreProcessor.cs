using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Runs once before a stream's inner pipeline and handler, when the caller starts reading (the first
/// <c>MoveNextAsync</c>). Mark the class with <see cref="MiddlewareAttribute"/>; it is placed at
/// <see cref="ProcessorOrder.PreProcessor"/> unless it sets an <c>Order</c>. A class may implement it beside
/// <see cref="IRequestPreProcessor{TRequest}"/> to serve requests and streams. Streams have no post-processor, exception
/// handler or exception action (see docs/processors.md for why); write an <see cref="IStreamMiddleware{TRequest, TItem}"/>
/// for those.
/// </summary>
/// <typeparam name="TRequest">The stream request type.</typeparam>
public interface IStreamPreProcessor<in TRequest>
{
    /// <summary>Runs before the stream's inner pipeline opens.</summary>
    /// <param name="request">The stream request.</param>
    /// <param name="cancellationToken">The caller's token (<c>CreateStream</c>'s, or one given to <c>WithCancellation</c>).</param>
    /// <returns>A task that completes when the processor is done; a failure fails the first <c>MoveNextAsync</c>.</returns>
    ValueTask Process(TRequest request, CancellationToken cancellationToken);
}
