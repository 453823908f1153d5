using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LoadHarness;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

/// <summary>
/// Cold start, as our ColdStartBenchmarks: build a new container, resolve martinothamar/Mediator's concrete Mediator,
/// send one request through five no-op behaviors; the baseline builds a container holding only the handler and runs
/// the hand-written five-layer chain.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, iterationCount: 10)]
public class MartinothamarColdStartBenchmarks
{
    private readonly Ping5 _ping5 = new();
    private readonly Ping0 _ping0 = new();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten()
    {
        await using var provider = new ServiceCollection().AddSingleton<Ping0Handler>().BuildServiceProvider();
        var inner = new PingInner(provider.GetRequiredService<Ping0Handler>(), _ping0);
        return await HandWrittenChain<PingInner, int>.Run5(inner);
    }

    [Benchmark]
    public async ValueTask<int> Mediator3()
    {
        await using var provider = PeerSetup.Build();
        return await provider.GetRequiredService<global::PeerMediator3.Generated.Mediator>().Send(_ping5);
    }
}
