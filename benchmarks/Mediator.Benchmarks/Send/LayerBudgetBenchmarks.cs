using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Issue 21's budget: what five compiled no-op layers add to a Send (5 layers minus 0), for the typed overload on the
/// concrete generated class and for <see cref="ISender"/> (what an endpoint takes), in one run side by side. The
/// budget is 2 % of the cheapest HTTP request's server CPU (benchmarks/HttpLoad measures it) and 0 B;
/// benchmarks/Charts computes the differences and checks them against that figure (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/http/run.sh passes one).
public class LayerBudgetBenchmarks
{
    private readonly Ping0 _ping0 = new();
    private readonly Ping5 _ping5 = new();
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;
    private ISender _sender = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _sender = _provider.GetRequiredService<ISender>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> Typed0() => await _mediator.Send(_ping0);

    [Benchmark]
    public async ValueTask<int> Typed5() => await _mediator.Send(_ping5);

    [Benchmark]
    public async ValueTask<int> Sender0() => await _sender.Send(_ping0);

    [Benchmark]
    public async ValueTask<int> Sender5() => await _sender.Send(_ping5);
}
