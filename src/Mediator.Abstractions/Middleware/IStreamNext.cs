namespace Mediator;

/// <summary>
/// The rest of a stream pipeline, as seen by a stream middleware: a struct the generator writes for every position,
/// so the call is direct and inlinable.
/// </summary>
/// <typeparam name="TRequest">The stream request.</typeparam>
/// <typeparam name="TItem">The item type.</typeparam>
public interface IStreamNext<TRequest, TItem>
{
    /// <summary>Opens the inner stream: the next middleware's, or the handler's after the last.</summary>
    /// <param name="request">The request; pass on the one you received unless you mean to replace it.</param>
    /// <param name="context">
    /// The context; pass on the one you received, or a copy made with its <c>With...</c> methods. Its token is the
    /// one the inner layers and the handler observe.
    /// </param>
    /// <returns>The inner items, to read once with <c>await foreach</c>.</returns>
    StreamItems<TItem> InvokeAsync(TRequest request, MessageContext context);
}
