using System;
using System.Collections.Generic;
using System.Threading;

namespace Mediator;

/// <summary>
/// What travels with a message through its pipeline: the cancellation token, the message type and an optional
/// bag of items. It is a small immutable struct so that a dispatch allocates nothing; a middleware that wants to
/// change it passes a modified copy (<see cref="WithCancellationToken"/>, <see cref="WithItems"/>) to <c>next</c>.
/// </summary>
/// <remarks>
/// The items bag is created on demand. A middleware that wants to share values with the middleware inside it, or
/// read values they leave behind, calls <c>context = context.WithItems()</c> before calling <c>next</c>: every
/// layer inside then sees the same bag. A context created without a bag has none, and its <see cref="Items"/>
/// is an empty read-only view.
/// </remarks>
public readonly struct MessageContext
{
    private readonly Dictionary<string, object?>? _items;

    /// <summary>Creates the context of one dispatch.</summary>
    /// <param name="messageType">The static type of the message being dispatched.</param>
    /// <param name="cancellationToken">The caller's cancellation token.</param>
    public MessageContext(Type messageType, CancellationToken cancellationToken)
    {
        MessageType = messageType;
        CancellationToken = cancellationToken;
        _items = null;
    }

    private MessageContext(Type messageType, CancellationToken cancellationToken, Dictionary<string, object?>? items)
    {
        MessageType = messageType;
        CancellationToken = cancellationToken;
        _items = items;
    }

    /// <summary>The message type the pipeline was compiled for.</summary>
    public Type MessageType { get; }

    /// <summary>Cancelled when the caller, or a middleware outside this one, gives up.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether this context carries an items bag.</summary>
    public bool HasItems => _items is not null;

    /// <summary>
    /// The items bag shared by this dispatch's layers. Without <see cref="WithItems"/> upstream this is an empty
    /// read-only view, and writing to it throws an <see cref="InvalidOperationException"/> that says so.
    /// </summary>
    public IDictionary<string, object?> Items => _items is null ? NoItems.Instance : _items;

    /// <summary>
    /// Returns a context that carries an items bag: this one if it already has a bag, otherwise a copy with a new,
    /// empty bag. Pass the result to <c>next</c> so that inner layers share it.
    /// </summary>
    public MessageContext WithItems()
        => _items is not null ? this : new MessageContext(MessageType, CancellationToken, new Dictionary<string, object?>(StringComparer.Ordinal));

    /// <summary>Returns a copy whose token is <paramref name="cancellationToken"/> (for example a linked timeout token).</summary>
    /// <param name="cancellationToken">The token inner layers and the handler observe.</param>
    public MessageContext WithCancellationToken(CancellationToken cancellationToken)
        => new(MessageType, cancellationToken, _items);

    /// <summary>Reads an item of type <typeparamref name="T"/>; false when it is absent or of another type.</summary>
    /// <param name="key">The item's key (ordinal comparison).</param>
    /// <param name="value">The item when found.</param>
    public bool TryGetItem<T>(string key, out T value)
    {
        if (_items is not null && _items.TryGetValue(key, out var found) && found is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }
}
