using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LoadHarness;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Cold start: build a new container, resolve the mediator, send one request through five no-op layers. RunStrategy
/// ColdStart runs each iteration once with no warm-up, so the first iteration also pays JIT; the later ones pay the
/// container and first-call costs of a fresh ServiceProvider. The baseline builds a container holding only the
/// handler and runs the hand-written five-layer chain. martinothamar/Mediator's row is MartinothamarColdStartBenchmarks.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, iterationCount: 10)]
public class ColdStartBenchmarks
{
    private readonly Ping5 _ping5 = new();
    private readonly Ping0 _ping0 = new();
    private readonly MrPing5 _mrPing5 = new();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten()
    {
        await using var provider = new ServiceCollection().AddSingleton<PingHandler>().BuildServiceProvider();
        var inner = new PingInner(provider.GetRequiredService<PingHandler>(), _ping0);
        return await HandWrittenChain<PingInner, int>.Run5(inner);
    }

    [Benchmark]
    public async ValueTask<int> Generated()
    {
        await using var provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        return await provider.GetRequiredService<Mediator>().Send(_ping5);
    }

    [Benchmark]
    public async ValueTask<int> MediatR()
    {
        await using var provider = MediatRSetup.Build();
        return await provider.GetRequiredService<global::MediatR.IMediator>().Send(_mrPing5);
    }
}
