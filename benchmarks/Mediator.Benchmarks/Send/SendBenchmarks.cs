using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// The price of a middleware layer: five no-op async layers through the generated pipeline against the same five
/// layers written by hand as nested async methods (the limit), plus the handler called directly. Every benchmark
/// method is itself <c>async</c> and awaits its call, so each row carries the same outer state machine; only the path
/// to the (identical, synchronously completing) handler differs.
/// </summary>
[MemoryDiagnoser]
// Two processes of 20 measured iterations each: on this noisy 2-core machine one process's code layout and JIT state
// can move a row by several nanoseconds, so the statistics pool two launches (about 6-7 minutes for the class).
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class SendBenchmarks
{
    private readonly Ping0 _ping0 = new();
    private readonly Ping1 _ping1 = new();
    private readonly Ping5 _ping5 = new();
    private readonly PingClosed5 _pingClosed5 = new();
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;
    private global::Mediator.IMediator _interface = null!;
    private PingHandler _handler = null!;
    private Mediator.Ping5Pipeline _pipeline5 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _interface = _provider.GetRequiredService<global::Mediator.IMediator>();
        _handler = _provider.GetRequiredService<PingHandler>();
        _pipeline5 = _provider.GetRequiredService<Mediator.Ping5Pipeline>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark]
    public async ValueTask<int> Direct() => await _handler.Handle(_ping0, default);

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten5() => await Layer1(_ping5, default);

    [Benchmark]
    public async ValueTask<int> Generated0() => await _mediator.Send(_ping0);

    [Benchmark]
    public async ValueTask<int> Generated1() => await _mediator.Send(_ping1);

    [Benchmark]
    public async ValueTask<int> Generated5() => await _mediator.Send(_ping5);

    /// <summary>The generated pipeline class called directly: what <c>Send</c> adds is the difference to Generated5.</summary>
    [Benchmark]
    public async ValueTask<int> GeneratedPipeline5() => await _pipeline5.InvokeAsync(_ping5, new global::Mediator.MessageContext(typeof(Ping5), default));

    [Benchmark]
    public async ValueTask<int> GeneratedInterface5() => await _interface.Send(_ping5);

    /// <summary>Five no-op layers closed over the request (not generic), like the hand-written ones: see PingClosed5.</summary>
    [Benchmark]
    public async ValueTask<int> GeneratedClosed5() => await _mediator.Send(_pingClosed5);

    // Five nested async methods around the handler: what a person would write without a mediator.
    private async ValueTask<int> Layer1(Ping5 request, CancellationToken cancellationToken) => await Layer2(request, cancellationToken);

    private async ValueTask<int> Layer2(Ping5 request, CancellationToken cancellationToken) => await Layer3(request, cancellationToken);

    private async ValueTask<int> Layer3(Ping5 request, CancellationToken cancellationToken) => await Layer4(request, cancellationToken);

    private async ValueTask<int> Layer4(Ping5 request, CancellationToken cancellationToken) => await Layer5(request, cancellationToken);

    private async ValueTask<int> Layer5(Ping5 request, CancellationToken cancellationToken) => await _handler.Handle(request, cancellationToken);
}
