using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using Mediator.Internal;

namespace MediatorBenchmarks;

/// <summary>
/// The lookup alone, runtime type to position, over the 1,000 request types of benchmarks/Dispatch/Ours1000: the
/// generated code's TypeIndex (open addressing on the type handle) against FrozenDictionary&lt;Type, int&gt; and
/// Dictionary&lt;Type, int&gt;. Each method looks up the first, middle and last request (in name order) and returns the
/// sum, so no row can profit from one lucky slot.
/// </summary>
[MemoryDiagnoser]
public class TypeLookupBenchmarks
{
    private object[] _requests = null!;
    private TypeIndex _index = null!;
    private FrozenDictionary<Type, int> _frozen = null!;
    private Dictionary<Type, int> _dictionary = null!;

    [GlobalSetup]
    public void Setup()
    {
        var types = typeof(DispatchOurs1000.Request0000).Assembly.GetTypes()
            .Where(t => t.Name.StartsWith("Request", StringComparison.Ordinal) && !t.Name.EndsWith("Handler", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();
        _index = new TypeIndex(types);
        _dictionary = types.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);
        _frozen = _dictionary.ToFrozenDictionary();
        _requests = new object[] { new DispatchOurs1000.Request0000(), new DispatchOurs1000.Request0500(), new DispatchOurs1000.Request0999() };
    }

    [Benchmark(Baseline = true)]
    public ValueTask<int> HandleTable()
    {
        var requests = _requests;
        return new(_index.IndexOf(Type.GetTypeHandle(requests[0])) + _index.IndexOf(Type.GetTypeHandle(requests[1])) + _index.IndexOf(Type.GetTypeHandle(requests[2])));
    }

    [Benchmark]
    public ValueTask<int> Frozen()
    {
        var requests = _requests;
        return new(Find(_frozen, requests[0]) + Find(_frozen, requests[1]) + Find(_frozen, requests[2]));
    }

    [Benchmark]
    public ValueTask<int> Dictionary()
    {
        var requests = _requests;
        return new(Find(_dictionary, requests[0]) + Find(_dictionary, requests[1]) + Find(_dictionary, requests[2]));
    }

    private static int Find(FrozenDictionary<Type, int> map, object request) => map.TryGetValue(request.GetType(), out var i) ? i : -1;

    private static int Find(Dictionary<Type, int> map, object request) => map.TryGetValue(request.GetType(), out var i) ? i : -1;
}
