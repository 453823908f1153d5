using BenchmarkDotNet.Attributes;
using LoadHarness;
using Microsoft.Extensions.DependencyInjection;
using Ours10 = DispatchOurs10;
using Ours100 = DispatchOurs100;
using Ours1000 = DispatchOurs1000;

namespace MediatorBenchmarks;

/// <summary>The first request's handler called directly: the bottom of the hand-written baseline.</summary>
public readonly struct DispatchInner(Ours1000.Request0000Handler handler, Ours1000.Request0000 request) : IHandWrittenInner<int>
{
    public ValueTask<int> InvokeAsync() => handler.Handle(request, default);
}

/// <summary>
/// How the generic <c>IMediator.Send&lt;TResponse&gt;</c> finds the pipeline in projects with 10, 100 and 1,000 request
/// types (benchmarks/Dispatch/OursN, one compiled mediator each; every request a sealed class answering int, no
/// middleware), sending the request that comes first, in the middle and last in the generated dispatch's order (the
/// request types sorted by name), beside the typed overload. The baseline is the handler called directly through the
/// hand-written chain's <c>Run0</c>, the same linked source as MartinothamarDispatchBenchmarks', so the two runs' ratios
/// compare. Every method is async and awaits its call.
/// </summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/run-all.sh passes one), BenchmarkDotNet's default otherwise.
public class DispatchBenchmarks
{
    private readonly global::Mediator.IRequest<int> _first10 = new Ours10.Request0000();
    private readonly global::Mediator.IRequest<int> _middle10 = new Ours10.Request0005();
    private readonly global::Mediator.IRequest<int> _last10 = new Ours10.Request0009();
    private readonly global::Mediator.IRequest<int> _first100 = new Ours100.Request0000();
    private readonly global::Mediator.IRequest<int> _middle100 = new Ours100.Request0050();
    private readonly global::Mediator.IRequest<int> _last100 = new Ours100.Request0099();
    private readonly global::Mediator.IRequest<int> _first1000 = new Ours1000.Request0000();
    private readonly global::Mediator.IRequest<int> _middle1000 = new Ours1000.Request0500();
    private readonly global::Mediator.IRequest<int> _last1000 = new Ours1000.Request0999();
    private readonly Ours1000.Request0999 _typedLast1000 = new();
    private ServiceProvider _provider10 = null!;
    private ServiceProvider _provider100 = null!;
    private ServiceProvider _provider1000 = null!;
    private global::Mediator.IMediator _mediator10 = null!;
    private global::Mediator.IMediator _mediator100 = null!;
    private global::Mediator.IMediator _mediator1000 = null!;
    private Ours1000.Mediator _typed1000 = null!;
    private DispatchInner _inner;

    [GlobalSetup]
    public void Setup()
    {
        _provider10 = Ours10.Setup.Build();
        _provider100 = Ours100.Setup.Build();
        _provider1000 = Ours1000.Setup.Build();
        _mediator10 = _provider10.GetRequiredService<global::Mediator.IMediator>();
        _mediator100 = _provider100.GetRequiredService<global::Mediator.IMediator>();
        _mediator1000 = _provider1000.GetRequiredService<global::Mediator.IMediator>();
        _typed1000 = _provider1000.GetRequiredService<Ours1000.Mediator>();
        _inner = new DispatchInner(_provider1000.GetRequiredService<Ours1000.Request0000Handler>(), new Ours1000.Request0000());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider10.Dispose();
        _provider100.Dispose();
        _provider1000.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => await HandWrittenChain<DispatchInner, int>.Run0(_inner);

    [Benchmark]
    public async ValueTask<int> Typed1000Last() => await _typed1000.Send(_typedLast1000);

    [Benchmark]
    public async ValueTask<int> Interface10First() => await _mediator10.Send(_first10);

    [Benchmark]
    public async ValueTask<int> Interface10Middle() => await _mediator10.Send(_middle10);

    [Benchmark]
    public async ValueTask<int> Interface10Last() => await _mediator10.Send(_last10);

    [Benchmark]
    public async ValueTask<int> Interface100First() => await _mediator100.Send(_first100);

    [Benchmark]
    public async ValueTask<int> Interface100Middle() => await _mediator100.Send(_middle100);

    [Benchmark]
    public async ValueTask<int> Interface100Last() => await _mediator100.Send(_last100);

    [Benchmark]
    public async ValueTask<int> Interface1000First() => await _mediator1000.Send(_first1000);

    [Benchmark]
    public async ValueTask<int> Interface1000Middle() => await _mediator1000.Send(_middle1000);

    [Benchmark]
    public async ValueTask<int> Interface1000Last() => await _mediator1000.Send(_last1000);
}
