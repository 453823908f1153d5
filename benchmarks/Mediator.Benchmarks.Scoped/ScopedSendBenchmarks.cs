using BenchmarkDotNet.Attributes;
using LoadHarness;
using Microsoft.Extensions.DependencyInjection;

namespace ScopedBenchmarks;

/// <summary>
/// The figure, shape (a): each operation creates a scope, resolves the mediator (ISender; MediatR 5.1.0 has
/// only IMediator) from it, sends through a scoped handler and two scoped middlewares, and disposes the scope, as an
/// ASP.NET Core request does. This measures scope creation and first resolution in a scope as well as the mediator.
/// Every side is in one container; the baseline is the plain hand-written chain shared with the martinothamar project.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class ScopedSendPerOperationBenchmarks
{
    private readonly ScopedPing _ping = new();
    private readonly MrScopedPing _mrPing = new();
    private readonly HandScopedPing _handPing = new();
    private ServiceProvider _provider = null!;

    [GlobalSetup]
    public void Setup() => _provider = ScopedContainer.Build();

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten()
    {
        using var scope = _provider.CreateScope();
        return await HandWrittenScoped.Send(scope.ServiceProvider, _handPing);
    }

    [Benchmark]
    public async ValueTask<int> OurComponentsCalledByHand()
    {
        using var scope = _provider.CreateScope();
        return await OurComponentsByHand.Send(scope.ServiceProvider, _ping);
    }

    [Benchmark]
    public async ValueTask<int> Ours()
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<global::Mediator.ISender>().Send(_ping);
    }

    [Benchmark]
    public async Task<int> MediatR()
    {
        using var scope = _provider.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<global::MediatR.IMediator>().Send(_mrPing);
    }
}

/// <summary>
/// The figure, shape (b): the scope is already open (created once in setup, as a request's scope is before its
/// endpoint runs); each operation resolves the mediator from it and sends. This measures the mediator: scoped
/// components are built on the first operation and then only looked up in the scope.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class ScopedSendOpenScopeBenchmarks
{
    private readonly ScopedPing _ping = new();
    private readonly MrScopedPing _mrPing = new();
    private readonly HandScopedPing _handPing = new();
    private ServiceProvider _provider = null!;
    private IServiceScope _scope = null!;
    private IServiceProvider _services = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = ScopedContainer.Build();
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
    public async ValueTask<int> OurComponentsCalledByHand() => await OurComponentsByHand.Send(_services, _ping);

    [Benchmark]
    public async ValueTask<int> Ours() => await _services.GetRequiredService<global::Mediator.ISender>().Send(_ping);

    /// <summary>The generated class and its typed Send, for comparison with the interface's generic Send above.</summary>
    [Benchmark]
    public async ValueTask<int> OursConcrete() => await _services.GetRequiredService<Mediator>().Send(_ping);

    [Benchmark]
    public async Task<int> MediatR() => await _services.GetRequiredService<global::MediatR.IMediator>().Send(_mrPing);
}

/// <summary>One container for every side: ours (AddMediator), MediatR 5.1.0 and the plain hand-written components.</summary>
public static class ScopedContainer
{
    public static ServiceProvider Build()
        => new ServiceCollection().AddMediator().AddMediatRScoped().AddHandWrittenScoped().BuildServiceProvider();
}
