using System;
using System.Collections.Generic;

namespace Mediator;

/// <summary>
/// The items of the inner part of a stream pipeline, as <see cref="IStreamNext{TRequest, TItem}.InvokeAsync"/> hands
/// them to a stream middleware: read them once with <c>await foreach</c>, or return
/// <see cref="GetAsyncEnumerator"/> to pass them on untouched.
/// </summary>
/// <remarks>
/// A struct around the inner enumerator rather than an <see cref="IAsyncEnumerable{T}"/>, so that handing the items
/// over allocates nothing. It deliberately has no <c>WithCancellation</c>: the token travels in the
/// <see cref="MessageContext"/> given to <c>next</c> (<see cref="MessageContext.WithCancellationToken"/>).
/// </remarks>
/// <typeparam name="TItem">The item type.</typeparam>
public readonly struct StreamItems<TItem>
{
    private readonly IAsyncEnumerator<TItem>? _enumerator;

    /// <summary>Wraps an opened enumerator (generated pipelines create these).</summary>
    /// <param name="enumerator">The inner layer's, or the handler's, enumerator.</param>
    /// <exception cref="InvalidOperationException"><paramref name="enumerator"/> is null: a middleware returned null.</exception>
    public StreamItems(IAsyncEnumerator<TItem> enumerator)
        => _enumerator = enumerator ?? throw new InvalidOperationException(
            "A stream middleware returned null from InvokeAsync (or a handler's stream returned a null enumerator). Write InvokeAsync " +
            "as an async iterator ('async IAsyncEnumerator<T>' with 'yield return'), or return next.InvokeAsync(request, context).GetAsyncEnumerator().");

    /// <summary>The inner enumerator: what <c>await foreach</c> reads, and what a pass-through middleware returns.</summary>
    public IAsyncEnumerator<TItem> GetAsyncEnumerator()
        => _enumerator ?? throw new InvalidOperationException(
            "This StreamItems is default: get the items of the rest of a stream pipeline from next.InvokeAsync(request, context).");
}
