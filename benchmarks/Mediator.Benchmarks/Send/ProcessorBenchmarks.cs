using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Issue 19: a pre-processor plus a post-processor against the same work done by two middlewares written the usual way
/// (<c>async</c>, awaiting <c>next</c>), and the same request with no layer at all. Each layer counts in a shared
/// service, before the handler (the pre-processor, the first middleware) or after it with the answer (the
/// post-processor, the second middleware). Everything completes synchronously, as most pre/post work does: the
/// processors' steps stay on their synchronous path, each middleware runs its async state machine.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class ProcessorBenchmarks
{
    private readonly ProcessedPing _processed = new();
    private readonly MiddlewarePing _middleware = new();
    private readonly BarePing _bare = new();
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddSingleton<LayerWork>().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> TwoMiddlewares() => await _mediator.Send(_middleware);

    [Benchmark]
    public async ValueTask<int> PreAndPostProcessor() => await _mediator.Send(_processed);

    [Benchmark]
    public async ValueTask<int> NoLayer() => await _mediator.Send(_bare);
}

/// <summary>The work every layer does: a count before the handler, the answer added up after it.</summary>
public sealed class LayerWork
{
    public int Before;
    public long After;
}

public sealed class ProcessedPing : IRequest<int>;

public sealed class MiddlewarePing : IRequest<int>;

public sealed class BarePing : IRequest<int>;

[Handler]
public sealed class ProcessedPingHandler : IRequestHandler<ProcessedPing, int>, IRequestHandler<MiddlewarePing, int>, IRequestHandler<BarePing, int>
{
    public ValueTask<int> Handle(ProcessedPing request, CancellationToken cancellationToken) => new(42);

    public ValueTask<int> Handle(MiddlewarePing request, CancellationToken cancellationToken) => new(42);

    public ValueTask<int> Handle(BarePing request, CancellationToken cancellationToken) => new(42);
}

[Middleware]
public sealed class CountBefore(LayerWork work) : IRequestPreProcessor<ProcessedPing>
{
    public ValueTask Process(ProcessedPing request, CancellationToken cancellationToken)
    {
        work.Before++;
        return default;
    }
}

[Middleware]
public sealed class AddAfter(LayerWork work) : IRequestPostProcessor<ProcessedPing, int>
{
    public ValueTask Process(ProcessedPing request, int response, CancellationToken cancellationToken)
    {
        work.After += response;
        return default;
    }
}

[Middleware(Order = 1)]
public sealed class CountBeforeMiddleware(LayerWork work) : IRequestMiddleware<MiddlewarePing, int>
{
    public async ValueTask<int> InvokeAsync<TNext>(MiddlewarePing request, TNext next, MessageContext context)
        where TNext : struct, INext<MiddlewarePing, int>
    {
        work.Before++;
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 2)]
public sealed class AddAfterMiddleware(LayerWork work) : IRequestMiddleware<MiddlewarePing, int>
{
    public async ValueTask<int> InvokeAsync<TNext>(MiddlewarePing request, TNext next, MessageContext context)
        where TNext : struct, INext<MiddlewarePing, int>
    {
        var response = await next.InvokeAsync(request, context);
        work.After += response;
        return response;
    }
}
