using System.Collections.Generic;
using System.Threading.Tasks;

namespace Mediator.BuiltIns;

/// <summary>
/// A stream that runs a check in the caller's first <c>MoveNextAsync</c>, opens the rest of the pipeline (and so the
/// handler's stream) only when it passes, and from then on hands every read straight to it.
/// </summary>
/// <remarks>
/// Why not an async iterator (<c>check; await foreach (...) yield return item;</c>): the iterator's own
/// <c>MoveNextAsync</c> would run for every item of the stream, and its state machine is a larger object; this one adds
/// a single reference check per item. A stream refused (or whose opening threw) stays ended: later reads return false,
/// as a finished iterator's would, instead of checking again.
/// </remarks>
/// <typeparam name="TRequest">The stream request.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
/// <typeparam name="TNext">The rest of the pipeline.</typeparam>
/// <typeparam name="TCheck">The built-in that checks.</typeparam>
internal sealed class CheckedStreamEnumerator<TRequest, TItem, TNext, TCheck> : IAsyncEnumerator<TItem>
    where TNext : struct, IStreamNext<TRequest, TItem>
    where TCheck : IStreamOpeningCheck<TRequest>
{
    private readonly TCheck _check;
    private readonly TRequest _request;
    private readonly TNext _next;
    private readonly MessageContext _context;
    private IAsyncEnumerator<TItem>? _items;
    private bool _ended;

    public CheckedStreamEnumerator(TCheck check, TRequest request, TNext next, MessageContext context)
    {
        _check = check;
        _request = request;
        _next = next;
        _context = context;
    }

    public TItem Current => _items is null ? default! : _items.Current;

    public ValueTask<bool> MoveNextAsync()
        => _items is { } items ? items.MoveNextAsync() : _ended ? new ValueTask<bool>(false) : CheckThenOpenAsync();

    public ValueTask DisposeAsync() => _items is { } items ? items.DisposeAsync() : default;

    private async ValueTask<bool> CheckThenOpenAsync()
    {
        IAsyncEnumerator<TItem> items;
        try
        {
            await _check.CheckAsync(_request, _context).ConfigureAwait(false);
            items = _next.InvokeAsync(_request, _context).GetAsyncEnumerator();
        }
        catch
        {
            _ended = true;
            throw;
        }

        _items = items;
        return await items.MoveNextAsync().ConfigureAwait(false);
    }
}
