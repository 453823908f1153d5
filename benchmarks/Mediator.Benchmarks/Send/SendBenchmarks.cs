using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// The price of a middleware layer: five no-op async layers through the generated pipeline against the same five
/// layers written by hand as nested async methods (the limit), plus the handler called directly.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 8, iterationCount: 20)]
public class SendBenchmarks
{
    private readonly Ping0 _ping0 = new();
    private readonly Ping1 _ping1 = new();
    private readonly Ping5 _ping5 = new();
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
    public ValueTask<int> Direct() => _handler.Handle(_ping0, default);

    [Benchmark(Baseline = true)]
    public ValueTask<int> HandWritten5() => Layer1(_ping5, default);

    [Benchmark]
    public ValueTask<int> Generated0() => _mediator.Send(_ping0);

    [Benchmark]
    public ValueTask<int> Generated1() => _mediator.Send(_ping1);

    [Benchmark]
    public ValueTask<int> Generated5() => _mediator.Send(_ping5);

    /// <summary>The generated pipeline class called directly: what <c>Send</c> adds is the difference to Generated5.</summary>
    [Benchmark]
    public ValueTask<int> GeneratedPipeline5() => _pipeline5.InvokeAsync(_ping5, new global::Mediator.MessageContext(typeof(Ping5), default));

    [Benchmark]
    public ValueTask<int> GeneratedInterface5() => _interface.Send(_ping5);

    // Five nested async methods around the handler: what a person would write without a mediator.
    private async ValueTask<int> Layer1(Ping5 request, CancellationToken cancellationToken) => await Layer2(request, cancellationToken);

    private async ValueTask<int> Layer2(Ping5 request, CancellationToken cancellationToken) => await Layer3(request, cancellationToken);

    private async ValueTask<int> Layer3(Ping5 request, CancellationToken cancellationToken) => await Layer4(request, cancellationToken);

    private async ValueTask<int> Layer4(Ping5 request, CancellationToken cancellationToken) => await Layer5(request, cancellationToken);

    private async ValueTask<int> Layer5(Ping5 request, CancellationToken cancellationToken) => await _handler.Handle(request, cancellationToken);
}
