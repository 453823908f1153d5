using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// A 3-item stream, fully consumed (<c>await foreach</c>, summing the items), through three no-op stream middlewares
/// (async iterators that re-yield every item) against three nested hand-written async iterators around the same handler
/// iterator (the limit, <c>LoadHarness.HandWrittenStream</c>, one file linked into this project and the martinothamar/Mediator one). Without middleware: the generated <c>CreateStream</c> against the handler's iterator read
/// directly. MediatR 5.1.0 has no streams. Every benchmark method is <c>async</c> and awaits the whole stream.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class StreamBenchmarks
{
    private readonly Count0 _count0 = new();
    private readonly Count3 _count3 = new();
    private readonly CountClosed3 _countClosed3 = new();
    private readonly LoadHarness.HandWrittenStream _handWritten = new();
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;
    private global::Mediator.IMediator _interface = null!;
    private CountHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _interface = _provider.GetRequiredService<global::Mediator.IMediator>();
        _handler = _provider.GetRequiredService<CountHandler>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    /// <summary>The handler's iterator, read directly: no layers.</summary>
    [Benchmark]
    public async ValueTask<int> Direct() => await Sum(_handler.Handle(_count0, default));

    /// <summary>Three nested hand-written async iterators around the handler's.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => await Sum(_handWritten.Run3());

    /// <summary>
    /// The same three hand-written layers carrying what a stream middleware receives besides <c>next</c> (message
    /// type, token, items bag: a <c>MessageContext</c>) instead of a bare token: what a person needing those would write.
    /// </summary>
    [Benchmark]
    public async ValueTask<int> HandWrittenContext() => await Sum(ContextLayer1(_count3, new global::Mediator.MessageContext(typeof(Count3), default)));

    /// <summary>The generated typed <c>CreateStream(Count0)</c>: no middleware.</summary>
    [Benchmark]
    public async ValueTask<int> Generated0() => await Sum(_mediator.CreateStream(_count0));

    /// <summary>The generated typed <c>CreateStream(Count3)</c>: three no-op stream middlewares.</summary>
    [Benchmark]
    public async ValueTask<int> Generated() => await Sum(_mediator.CreateStream(_count3));

    /// <summary>Three no-op stream layers closed over the request (not generic), like the hand-written ones: see CountClosed3.</summary>
    [Benchmark]
    public async ValueTask<int> GeneratedClosed() => await Sum(_mediator.CreateStream(_countClosed3));

    /// <summary>The same through <c>Mediator.IMediator.CreateStream&lt;TItem&gt;</c>.</summary>
    [Benchmark]
    public async ValueTask<int> GeneratedInterface() => await Sum(_interface.CreateStream(_count3));

    private static ValueTask<int> Sum(IAsyncEnumerable<int> stream) => LoadHarness.HandWrittenStream.Sum(stream);

    // The same three layers passing the context a middleware receives.
    private async IAsyncEnumerable<int> ContextLayer1(Count3 request, global::Mediator.MessageContext context)
    {
        await foreach (var item in ContextLayer2(request, context))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<int> ContextLayer2(Count3 request, global::Mediator.MessageContext context)
    {
        await foreach (var item in ContextLayer3(request, context))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<int> ContextLayer3(Count3 request, global::Mediator.MessageContext context)
    {
        await foreach (var item in _handler.Handle(request, context.CancellationToken))
        {
            yield return item;
        }
    }
}
