using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Five no-op layers around a handler: ours against MediatR 5.1.0 in one run, with the same hand-written baseline as
/// SendBenchmarks (martinothamar/Mediator runs in benchmarks/Peers.MartinothamarMediator against the same baseline).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class PeerSendBenchmarks
{
    private readonly Ping5 _ping5 = new();
    private readonly MrPing5 _mrPing5 = new();
    private ServiceProvider _provider = null!;
    private ServiceProvider _mediatRProvider = null!;
    private Mediator _mediator = null!;
    private global::Mediator.IMediator _interface = null!;
    private global::MediatR.IMediator _mediatR = null!;
    private PingHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _interface = _provider.GetRequiredService<global::Mediator.IMediator>();
        _handler = _provider.GetRequiredService<PingHandler>();
        _mediatRProvider = MediatRSetup.Build();
        _mediatR = _mediatRProvider.GetRequiredService<global::MediatR.IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _mediatRProvider.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten5() => await Layer1(_ping5, default);

    [Benchmark]
    public async ValueTask<int> Generated5() => await _mediator.Send(_ping5);

    [Benchmark]
    public async ValueTask<int> GeneratedInterface5() => await _interface.Send(_ping5);

    [Benchmark]
    public async Task<int> MediatR5() => await _mediatR.Send(_mrPing5);

    private async ValueTask<int> Layer1(Ping5 request, CancellationToken cancellationToken) => await Layer2(request, cancellationToken);

    private async ValueTask<int> Layer2(Ping5 request, CancellationToken cancellationToken) => await Layer3(request, cancellationToken);

    private async ValueTask<int> Layer3(Ping5 request, CancellationToken cancellationToken) => await Layer4(request, cancellationToken);

    private async ValueTask<int> Layer4(Ping5 request, CancellationToken cancellationToken) => await Layer5(request, cancellationToken);

    private async ValueTask<int> Layer5(Ping5 request, CancellationToken cancellationToken) => await _handler.Handle(request, cancellationToken);
}
