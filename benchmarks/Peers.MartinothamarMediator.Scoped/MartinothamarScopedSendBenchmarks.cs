using BenchmarkDotNet.Attributes;
using LoadHarness;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3Scoped;

/// <summary>
/// Shape (a), as ScopedSendPerOperationBenchmarks in benchmarks/Mediator.Benchmarks.Scoped: each operation creates a
/// scope, resolves ISender from it, sends through the scoped handler and two scoped behaviors, disposes the scope.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class MartinothamarScopedSendPerOperationBenchmarks
{
    private readonly ScopedPing _ping = new();
    private readonly HandScopedPing _handPing = new();
    private ServiceProvider _provider = null!;

    [GlobalSetup]
    public void Setup() => _provider = ScopedPeerSetup.Build();

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten()
    {
        using var scope = _provider.CreateScope();
        return await HandWrittenScoped.Send(scope.ServiceProvider, _handPing);
    }

    [Benchmark]
    public async ValueTask<int> Mediator3()
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(_ping);
    }
}

/// <summary>Shape (b), as ScopedSendOpenScopeBenchmarks: the scope is open; each operation resolves ISender from it and sends.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class MartinothamarScopedSendOpenScopeBenchmarks
{
    private readonly ScopedPing _ping = new();
    private readonly HandScopedPing _handPing = new();
    private ServiceProvider _provider = null!;
    private IServiceScope _scope = null!;
    private IServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = ScopedPeerSetup.Build();
        _scope = _provider.CreateScope();
        _services = _scope.ServiceProvider;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => await HandWrittenScoped.Send(_services, _handPing);

    [Benchmark]
    public async ValueTask<int> Mediator3() => await _services.GetRequiredService<ISender>().Send(_ping);

    /// <summary>Its generated class and typed Send, for comparison with the interface above.</summary>
    [Benchmark]
    public async ValueTask<int> Mediator3Concrete() => await _services.GetRequiredService<global::PeerMediator3Scoped.Generated.Mediator>().Send(_ping);
}
