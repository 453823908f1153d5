using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CompositionModule;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CompositionBenchmarks;

/// <summary>
/// Send across modules against within one: the host's mediator sending the module's request (its typed overload calls
/// the module mediator's), beside the module's own mediator sending it, and the host sending an identical request of
/// its own. Typed calls and calls through <c>IMediator</c> are compared within their own category (each has its
/// baseline: the module's mediator). The "resolved" category resolves <c>ISender</c> for every operation, as a minimal-API
/// endpoint does: the host's mediator is transient, and the first request it forwards resolves the module's mediator
/// too; its baseline is the same with a request of the host's own.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class ComposedSendBenchmarks
{
    private readonly ModulePing _modulePing = new();
    private readonly HostPing _hostPing = new();
    private Subjects _subjects = null!;

    [GlobalSetup]
    public void Setup() => _subjects = new Subjects();

    [GlobalCleanup]
    public void Cleanup() => _subjects.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("typed")]
    public async ValueTask<int> WithinModule() => await _subjects.Module.Send(_modulePing);

    [Benchmark, BenchmarkCategory("typed")]
    public async ValueTask<int> AcrossModules() => await _subjects.Host.Send(_modulePing);

    [Benchmark, BenchmarkCategory("typed")]
    public async ValueTask<int> WithinHost() => await _subjects.Host.Send(_hostPing);

    [Benchmark(Baseline = true), BenchmarkCategory("interface")]
    public async ValueTask<int> WithinModuleInterface() => await _subjects.ModuleInterface.Send(_modulePing);

    [Benchmark, BenchmarkCategory("interface")]
    public async ValueTask<int> AcrossModulesInterface() => await _subjects.HostInterface.Send(_modulePing);

    [Benchmark, BenchmarkCategory("interface")]
    public async ValueTask<int> WithinHostInterface() => await _subjects.HostInterface.Send(_hostPing);

    [Benchmark(Baseline = true), BenchmarkCategory("resolved")]
    public async ValueTask<int> WithinHostResolved() => await _subjects.Services.GetRequiredService<ISender>().Send(_hostPing);

    [Benchmark, BenchmarkCategory("resolved")]
    public async ValueTask<int> AcrossModulesResolved() => await _subjects.Services.GetRequiredService<ISender>().Send(_modulePing);
}
