using BenchmarkDotNet.Attributes;
using LoadHarness;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>The handler's call as the bottom of the hand-written chain (benchmarks/LoadHarness/HandWrittenChain.cs).</summary>
public readonly struct PingInner(PingHandler handler, Ping0 request) : IHandWrittenInner<int>
{
    public ValueTask<int> InvokeAsync() => handler.Handle(request, default);
}

/// <summary>
/// ns/op against the number of no-op layers (0, 1, 5, 11): the hand-written chain (the same linked source file as in
/// benchmarks/Peers.MartinothamarMediator, so the two runs share a baseline), our typed Send, MediatR 5.1.0. Every
/// method is async and awaits its call; the layer count is a [Params], so BenchmarkDotNet's ratio compares each row with
/// the hand-written chain of the same depth.
/// </summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/run-all.sh passes one; an attribute job would run
// beside it, not instead of it), BenchmarkDotNet's default job otherwise.
public class LayerCountBenchmarks
{
    private readonly Ping0 _ping0 = new();
    private readonly Ping1 _ping1 = new();
    private readonly Ping5 _ping5 = new();
    private readonly Ping11 _ping11 = new();
    private readonly MrPing _mrPing = new();
    private ServiceProvider _provider = null!;
    private ServiceProvider _mediatRProvider = null!;
    private Mediator _mediator = null!;
    private global::MediatR.IMediator _mediatR = null!;
    private PingInner _inner;

    [Params(0, 1, 5, 11)]
    public int Layers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _inner = new PingInner(_provider.GetRequiredService<PingHandler>(), _ping0);
        _mediatRProvider = MediatRLayerSetup.Build(Layers);
        _mediatR = _mediatRProvider.GetRequiredService<global::MediatR.IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _mediatRProvider.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => Layers switch
    {
        0 => await HandWrittenChain<PingInner, int>.Run0(_inner),
        1 => await HandWrittenChain<PingInner, int>.Run1(_inner),
        5 => await HandWrittenChain<PingInner, int>.Run5(_inner),
        _ => await HandWrittenChain<PingInner, int>.Run11(_inner),
    };

    [Benchmark]
    public async ValueTask<int> Generated() => Layers switch
    {
        0 => await _mediator.Send(_ping0),
        1 => await _mediator.Send(_ping1),
        5 => await _mediator.Send(_ping5),
        _ => await _mediator.Send(_ping11),
    };

    [Benchmark]
    public async ValueTask<int> MediatR() => await _mediatR.Send(_mrPing);
}
