using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Mediator;

/// <summary>The empty, read-only items view of a <see cref="MessageContext"/> that has no bag.</summary>
internal sealed class NoItems : IDictionary<string, object?>
{
    public static readonly NoItems Instance = new();

    private const string Advice =
        "This MessageContext has no items bag. Call 'context = context.WithItems()' in the outermost middleware " +
        "that shares items, and pass that context to next.";

    public object? this[string key]
    {
        get => throw new KeyNotFoundException($"The item '{key}' is not present: the context has no items bag.");
        set => throw new InvalidOperationException(Advice);
    }

    public ICollection<string> Keys => Array.Empty<string>();

    public ICollection<object?> Values => Array.Empty<object?>();

    public int Count => 0;

    public bool IsReadOnly => true;

    public void Add(string key, object? value) => throw new InvalidOperationException(Advice);

    public void Add(KeyValuePair<string, object?> item) => throw new InvalidOperationException(Advice);

    public void Clear() => throw new InvalidOperationException(Advice);

    public bool Contains(KeyValuePair<string, object?> item) => false;

    public bool ContainsKey(string key) => false;

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield break;
    }

    public bool Remove(string key) => throw new InvalidOperationException(Advice);

    public bool Remove(KeyValuePair<string, object?> item) => throw new InvalidOperationException(Advice);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        value = null;
        return false;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
