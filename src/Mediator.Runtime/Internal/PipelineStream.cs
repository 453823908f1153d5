using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Internal;

/// <summary>
/// The stream <c>CreateStream</c> returns when the request has stream middleware: the one object a dispatch adds to its
/// layers' iterators. Each enumeration opens the pipeline again, as an async iterator would run its body again.
/// Not meant to be used from user code.
/// </summary>
/// <remarks>
/// The enumeration token (<c>WithCancellation</c>, or the argument of <c>GetAsyncEnumerator</c>) joins the one given to
/// <c>CreateStream</c> as <c>[EnumeratorCancellation]</c> would: whichever can be cancelled is used, and when both can,
/// a linked source is made for this enumeration and disposed with it.
/// </remarks>
/// <typeparam name="TRequest">The stream request.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PipelineStream<TRequest, TItem> : IAsyncEnumerable<TItem>
{
    private readonly StreamPipeline<TRequest, TItem> _pipeline;
    private readonly TRequest _request;
    private readonly MessageContext _context;

    /// <summary>Captures one dispatch; nothing runs until the caller starts reading.</summary>
    /// <param name="pipeline">The generated pipeline.</param>
    /// <param name="request">The request.</param>
    /// <param name="context">The context made by <c>CreateStream</c>.</param>
    public PipelineStream(StreamPipeline<TRequest, TItem> pipeline, TRequest request, MessageContext context)
    {
        _pipeline = pipeline;
        _request = request;
        _context = context;
    }

    /// <summary>Opens the pipeline's layers, observing <paramref name="cancellationToken"/> as well as <c>CreateStream</c>'s token.</summary>
    /// <param name="cancellationToken">The enumeration's token.</param>
    /// <returns>The outermost middleware's enumerator.</returns>
    public IAsyncEnumerator<TItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var token = _context.CancellationToken;
        if (!cancellationToken.CanBeCanceled || cancellationToken == token)
        {
            return _pipeline.Open(_request, _context);
        }

        if (!token.CanBeCanceled)
        {
            return _pipeline.Open(_request, _context.WithCancellationToken(cancellationToken));
        }

        var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
        try
        {
            return new LinkedEnumerator(_pipeline.Open(_request, _context.WithCancellationToken(linked.Token)), linked);
        }
        catch
        {
            linked.Dispose();
            throw;
        }
    }

    /// <summary>Reads the pipeline under a linked token and disposes the token's source when the enumeration ends.</summary>
    private sealed class LinkedEnumerator : IAsyncEnumerator<TItem>
    {
        private readonly IAsyncEnumerator<TItem> _inner;
        private readonly CancellationTokenSource _linked;

        public LinkedEnumerator(IAsyncEnumerator<TItem> inner, CancellationTokenSource linked)
        {
            _inner = inner;
            _linked = linked;
        }

        public TItem Current => _inner.Current;

        public ValueTask<bool> MoveNextAsync() => _inner.MoveNextAsync();

        public async ValueTask DisposeAsync()
        {
            try
            {
                await _inner.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                _linked.Dispose();
            }
        }
    }
}
