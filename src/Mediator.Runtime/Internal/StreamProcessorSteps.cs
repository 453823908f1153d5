using System.Collections.Generic;
using System.ComponentModel;
using System.Threading.Tasks;

namespace Mediator.Internal;

/// <summary>
/// The stream pipeline step generated code writes for a stream pre-processor: an enumerator that runs the processor on
/// the first <c>MoveNextAsync</c>, then hands every call to the inner pipeline's enumerator without an iterator of its
/// own (one small object per stream, no per-item state machine). Not meant to be called from user code.
/// </summary>
/// <typeparam name="TRequest">The stream request type.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StreamPreProcessStep<TRequest, TItem, TNext> : IAsyncEnumerator<TItem>
    where TNext : struct, IStreamNext<TRequest, TItem>
{
    private readonly IStreamPreProcessor<TRequest> _processor;
    private readonly TRequest _request;
    private readonly TNext _next;
    private readonly MessageContext _context;
    private IAsyncEnumerator<TItem>? _inner;

    /// <summary>Creates the step; nothing runs until the first <see cref="MoveNextAsync"/>.</summary>
    /// <param name="processor">The pre-processor.</param>
    /// <param name="request">The stream request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">The dispatch's context.</param>
    public StreamPreProcessStep(IStreamPreProcessor<TRequest> processor, TRequest request, TNext next, MessageContext context)
    {
        _processor = processor;
        _request = request;
        _next = next;
        _context = context;
    }

    /// <inheritdoc/>
    public TItem Current => _inner is null ? default! : _inner.Current;

    /// <inheritdoc/>
    public ValueTask<bool> MoveNextAsync()
    {
        if (_inner is not null)
        {
            return _inner.MoveNextAsync();
        }

        ValueTask pending = _processor.Process(_request, _context.CancellationToken);
        if (!pending.IsCompletedSuccessfully)
        {
            return OpenAfter(pending);
        }

        pending.GetAwaiter().GetResult();
        _inner = _next.InvokeAsync(_request, _context).GetAsyncEnumerator();
        return _inner.MoveNextAsync();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _inner is null ? default : _inner.DisposeAsync();

    private async ValueTask<bool> OpenAfter(ValueTask pending)
    {
        await pending.ConfigureAwait(false);
        _inner = _next.InvokeAsync(_request, _context).GetAsyncEnumerator();
        return await _inner.MoveNextAsync().ConfigureAwait(false);
    }
}
