using System.Collections.Generic;
using System.ComponentModel;

namespace Mediator.Internal;

/// <summary>
/// Base of the generated stream pipelines that have middleware: <see cref="Open"/> runs the layers when the caller
/// starts reading, and <see cref="PipelineStream{TRequest, TItem}"/> is the stream handed to the caller.
/// Not meant to be used from user code.
/// </summary>
/// <typeparam name="TRequest">The stream request.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class StreamPipeline<TRequest, TItem>
{
    /// <summary>Opens the outermost middleware's enumerator, which opens the rest as it reads.</summary>
    /// <param name="request">The request.</param>
    /// <param name="context">The context of this enumeration, with the caller's token.</param>
    /// <returns>The enumerator the caller reads.</returns>
    public abstract IAsyncEnumerator<TItem> Open(TRequest request, MessageContext context);
}
