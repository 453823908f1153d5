using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CompositionModule;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CompositionBenchmarks;

/// <summary>
/// Publish across modules against within one: the host's mediator publishing the module's notification (to the
/// module's two handlers, through the module's mediator), beside the module's own mediator publishing it, and the
/// host publishing an identical notification to two handlers of its own. Typed and <c>IPublisher</c> calls are
/// compared within their own category; "resolved" resolves <c>IPublisher</c> for every operation.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class ComposedPublishBenchmarks
{
    private readonly ModuleEvent _moduleEvent = new();
    private readonly HostEvent _hostEvent = new();
    private Subjects _subjects = null!;

    [GlobalSetup]
    public void Setup() => _subjects = new Subjects();

    [GlobalCleanup]
    public void Cleanup() => _subjects.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("typed")]
    public async ValueTask WithinModule() => await _subjects.Module.Publish(_moduleEvent);

    [Benchmark, BenchmarkCategory("typed")]
    public async ValueTask AcrossModules() => await _subjects.Host.Publish(_moduleEvent);

    [Benchmark, BenchmarkCategory("typed")]
    public async ValueTask WithinHost() => await _subjects.Host.Publish(_hostEvent);

    [Benchmark(Baseline = true), BenchmarkCategory("interface")]
    public async ValueTask WithinModuleInterface() => await _subjects.ModuleInterface.Publish(_moduleEvent);

    [Benchmark, BenchmarkCategory("interface")]
    public async ValueTask AcrossModulesInterface() => await _subjects.HostInterface.Publish(_moduleEvent);

    [Benchmark, BenchmarkCategory("interface")]
    public async ValueTask WithinHostInterface() => await _subjects.HostInterface.Publish(_hostEvent);

    [Benchmark(Baseline = true), BenchmarkCategory("resolved")]
    public async ValueTask WithinHostResolved() => await _subjects.Services.GetRequiredService<IPublisher>().Publish(_hostEvent);

    [Benchmark, BenchmarkCategory("resolved")]
    public async ValueTask AcrossModulesResolved() => await _subjects.Services.GetRequiredService<IPublisher>().Publish(_moduleEvent);
}
