using System.Collections.Concurrent;

namespace BuiltInsTests;

/// <summary>How the stress test's sends ended: results, typed exceptions by name, and anything else.</summary>
public sealed class OutcomeTally
{
    private int _results;
    private readonly ConcurrentDictionary<string, int> _typed = new();

    public int Results => Volatile.Read(ref _results);

    public int TypedCount => _typed.Values.Sum();

    public int TypedCountOf(string kind) => _typed.TryGetValue(kind, out var n) ? n : 0;

    public ConcurrentQueue<Exception> UntypedExceptions { get; } = new();

    public void Result() => Interlocked.Increment(ref _results);

    public void Typed(string kind) => _typed.AddOrUpdate(kind, 1, static (_, n) => n + 1);

    public void Untyped(Exception exception) => UntypedExceptions.Enqueue(exception);

    public override string ToString()
        => $"{Results} results, " + string.Join(", ", _typed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}")) +
           $", {UntypedExceptions.Count} untyped";
}
