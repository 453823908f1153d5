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
    // Two fields, 16 bytes: the message type, or once a bag exists the bag (which carries the message type), and the
    // token. Every middleware layer copies the context, and an async iterator (a stream middleware) keeps each
    // parameter twice, so each field saved is 16 bytes per stream layer; the bag doubles as the holder of the type so
    // that WithItems allocates nothing beyond the dictionary it always needed.
    private readonly object _typeOrItems;

    /// <summary>Creates the context of one dispatch.</summary>
    /// <param name="messageType">The static type of the message being dispatched.</param>
    /// <param name="cancellationToken">The caller's cancellation token.</param>
    public MessageContext(Type messageType, CancellationToken cancellationToken)
    {
        _typeOrItems = messageType;
        CancellationToken = cancellationToken;
    }

    private MessageContext(ItemsBag items, CancellationToken cancellationToken)
    {
        _typeOrItems = items;
        CancellationToken = cancellationToken;
    }

    /// <summary>The message type the pipeline was compiled for.</summary>
    public Type MessageType => _typeOrItems is ItemsBag items ? items.MessageType : (Type)_typeOrItems;

    /// <summary>Cancelled when the caller, or a middleware outside this one, gives up.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether this context carries an items bag.</summary>
    public bool HasItems => _typeOrItems is ItemsBag;

    /// <summary>
    /// The items bag shared by this dispatch's layers. Without <see cref="WithItems"/> upstream this is an empty
    /// read-only view, and writing to it throws an <see cref="InvalidOperationException"/> that says so.
    /// </summary>
    public IDictionary<string, object?> Items => _typeOrItems as ItemsBag ?? (IDictionary<string, object?>)NoItems.Instance;

    /// <summary>
    /// Returns a context that carries an items bag: this one if it already has a bag, otherwise a copy with a new,
    /// empty bag. Pass the result to <c>next</c> so that inner layers share it.
    /// </summary>
    public MessageContext WithItems()
        => _typeOrItems is ItemsBag ? this : new MessageContext(new ItemsBag(MessageType), CancellationToken);

    /// <summary>Returns a copy whose token is <paramref name="cancellationToken"/> (for example a linked timeout token).</summary>
    /// <param name="cancellationToken">The token inner layers and the handler observe.</param>
    public MessageContext WithCancellationToken(CancellationToken cancellationToken)
        => _typeOrItems is ItemsBag items ? new MessageContext(items, cancellationToken) : new MessageContext(MessageType, cancellationToken);

    /// <summary>Reads an item of type <typeparamref name="T"/>; false when it is absent or of another type.</summary>
    /// <param name="key">The item's key (ordinal comparison).</param>
    /// <param name="value">The item when found.</param>
    public bool TryGetItem<T>(string key, out T value)
    {
        if (_typeOrItems is ItemsBag items && items.TryGetValue(key, out var found) && found is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The items bag, which also carries the message type (see the fields above).</summary>
    private sealed class ItemsBag : Dictionary<string, object?>
    {
        public ItemsBag(Type messageType)
            : base(StringComparer.Ordinal)
            => MessageType = messageType;

        public Type MessageType { get; }
    }
}
