using BenchmarkDotNet.Attributes;
using LoadHarness;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Peer10 = DispatchPeer10;
using Peer100 = DispatchPeer100;
using Peer1000 = DispatchPeer1000;

namespace PeerMediator3;

/// <summary>The first request's handler called directly: the bottom of the hand-written baseline.</summary>
public readonly struct DispatchInner(Peer1000.Request0000Handler handler, Peer1000.Request0000 request) : IHandWrittenInner<int>
{
    public ValueTask<int> InvokeAsync() => handler.Handle(request, default);
}

/// <summary>
/// martinothamar/Mediator 3.0.2's generic <c>IMediator.Send&lt;TResponse&gt;</c> in projects with 10, 100 and 1,000
/// request types (benchmarks/Dispatch/PeerN, the same requests and handlers as ours), first, middle and last in its
/// generated order (by name, as ours; above 16 requests it looks the handler up in a FrozenDictionary, so the position no
/// longer matters), beside its typed overload. The same hand-written baseline as our DispatchBenchmarks.
/// </summary>
[MemoryDiagnoser]
public class MartinothamarDispatchBenchmarks
{
    private readonly IRequest<int> _first10 = new Peer10.Request0000();
    private readonly IRequest<int> _middle10 = new Peer10.Request0005();
    private readonly IRequest<int> _last10 = new Peer10.Request0009();
    private readonly IRequest<int> _first100 = new Peer100.Request0000();
    private readonly IRequest<int> _middle100 = new Peer100.Request0050();
    private readonly IRequest<int> _last100 = new Peer100.Request0099();
    private readonly IRequest<int> _first1000 = new Peer1000.Request0000();
    private readonly IRequest<int> _middle1000 = new Peer1000.Request0500();
    private readonly IRequest<int> _last1000 = new Peer1000.Request0999();
    private readonly Peer1000.Request0999 _typedLast1000 = new();
    private ServiceProvider _provider10 = null!;
    private ServiceProvider _provider100 = null!;
    private ServiceProvider _provider1000 = null!;
    private IMediator _mediator10 = null!;
    private IMediator _mediator100 = null!;
    private IMediator _mediator1000 = null!;
    private Peer1000.TypedSender _typed1000 = null!;
    private DispatchInner _inner;

    [GlobalSetup]
    public void Setup()
    {
        _provider10 = Peer10.Setup.Build();
        _provider100 = Peer100.Setup.Build();
        _provider1000 = Peer1000.Setup.Build();
        _mediator10 = _provider10.GetRequiredService<IMediator>();
        _mediator100 = _provider100.GetRequiredService<IMediator>();
        _mediator1000 = _provider1000.GetRequiredService<IMediator>();
        _typed1000 = new Peer1000.TypedSender(_provider1000);
        _inner = new DispatchInner(new Peer1000.Request0000Handler(), new Peer1000.Request0000());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider10.Dispose();
        _provider100.Dispose();
        _provider1000.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => await HandWrittenChain<DispatchInner, int>.Run0(_inner);

    [Benchmark]
    public async ValueTask<int> Typed1000Last() => await _typed1000.Send(_typedLast1000);

    [Benchmark]
    public async ValueTask<int> Interface10First() => await _mediator10.Send(_first10);

    [Benchmark]
    public async ValueTask<int> Interface10Middle() => await _mediator10.Send(_middle10);

    [Benchmark]
    public async ValueTask<int> Interface10Last() => await _mediator10.Send(_last10);

    [Benchmark]
    public async ValueTask<int> Interface100First() => await _mediator100.Send(_first100);

    [Benchmark]
    public async ValueTask<int> Interface100Middle() => await _mediator100.Send(_middle100);

    [Benchmark]
    public async ValueTask<int> Interface100Last() => await _mediator100.Send(_last100);

    [Benchmark]
    public async ValueTask<int> Interface1000First() => await _mediator1000.Send(_first1000);

    [Benchmark]
    public async ValueTask<int> Interface1000Middle() => await _mediator1000.Send(_middle1000);

    [Benchmark]
    public async ValueTask<int> Interface1000Last() => await _mediator1000.Send(_last1000);
}
