using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InterceptorBenchmarks;

/// <summary>
/// <c>ISender.Send</c> at a call site the interceptor binds, against the typed overload on the generated mediator, with
/// no middleware and with five layers; the unbound interface call (the argument typed as the interface, which no
/// interceptor takes) shows what binding saves. And <c>IMediator.Publish</c> of a notification with one handler, bound,
/// against the typed <c>Publish</c> and the handler awaited directly. Every method is <c>async</c> and awaits its call, as in
/// Mediator.Benchmarks' SendBenchmarks.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InterceptedSendBenchmarks
{
    private readonly Ping0 _ping0 = new();
    private readonly Ping5 _ping5 = new();
    private readonly Note _note = new();
    private readonly NoteHandler _noteHandler = new();
    private ServiceProvider _provider = null!;
    private Mediator _typed = null!;
    private ISender _sender = null!;
    private IMediator _mediator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _typed = _provider.GetRequiredService<Mediator>();
        _sender = _provider.GetRequiredService<ISender>();
        _mediator = _provider.GetRequiredService<IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("0 layers")]
    public async ValueTask<int> Typed0() => await _typed.Send(_ping0);

    [Benchmark]
    [BenchmarkCategory("0 layers")]
    public async ValueTask<int> Intercepted0() => await _sender.Send(_ping0);

    [Benchmark]
    [BenchmarkCategory("0 layers")]
    public async ValueTask<int> Unbound0() => await _sender.Send((IRequest<int>)_ping0);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("5 layers")]
    public async ValueTask<int> Typed5() => await _typed.Send(_ping5);

    [Benchmark]
    [BenchmarkCategory("5 layers")]
    public async ValueTask<int> Intercepted5() => await _sender.Send(_ping5);

    [Benchmark]
    [BenchmarkCategory("5 layers")]
    public async ValueTask<int> Unbound5() => await _sender.Send((IRequest<int>)_ping5);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Publish, 1 handler")]
    public async ValueTask TypedPublish() => await _typed.Publish(_note);

    [Benchmark]
    [BenchmarkCategory("Publish, 1 handler")]
    public async ValueTask InterceptedPublish() => await _mediator.Publish(_note);

    /// <summary>The handler awaited directly: what the "Publish to one handler" compares with.</summary>
    [Benchmark]
    [BenchmarkCategory("Publish, 1 handler")]
    public async ValueTask HandWrittenPublish() => await _noteHandler.Handle(_note, default);
}
