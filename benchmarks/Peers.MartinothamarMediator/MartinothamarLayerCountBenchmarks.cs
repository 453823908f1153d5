using BenchmarkDotNet.Attributes;
using LoadHarness;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

public interface IElevenLayers : IFiveLayers;

public sealed class Ping0 : IRequest<int>;

public sealed class Ping1 : IRequest<int>, IOneLayer;

public sealed class Ping11 : IRequest<int>, IElevenLayers;

/// <summary>One handler class per request: martinothamar/Mediator wants one handler per message.</summary>
public sealed class Ping0Handler : IRequestHandler<Ping0, int>
{
    public ValueTask<int> Handle(Ping0 request, CancellationToken cancellationToken) => new(42);
}

public sealed class Ping1Handler : IRequestHandler<Ping1, int>
{
    public ValueTask<int> Handle(Ping1 request, CancellationToken cancellationToken) => new(42);
}

public sealed class Ping11Handler : IRequestHandler<Ping11, int>
{
    public ValueTask<int> Handle(Ping11 request, CancellationToken cancellationToken) => new(42);
}

// Six more no-op behaviors for the eleven-layer row.

public sealed class NoOp6<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IElevenLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp7<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IElevenLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp8<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IElevenLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp9<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IElevenLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp10<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IElevenLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp11<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IElevenLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

/// <summary>The handler's call as the bottom of the hand-written chain (benchmarks/LoadHarness/HandWrittenChain.cs).</summary>
public readonly struct PingInner(Ping0Handler handler, Ping0 request) : IHandWrittenInner<int>
{
    public ValueTask<int> InvokeAsync() => handler.Handle(request, default);
}

/// <summary>
/// ns/op against the number of no-op behaviors (0, 1, 5, 11) through martinothamar/Mediator 3.0.2's concrete Mediator,
/// beside the same linked hand-written chain as our LayerCountBenchmarks: compare the two runs as ratios to it.
/// </summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/run-all.sh passes one; an attribute job would run
// beside it, not instead of it), BenchmarkDotNet's default job otherwise.
public class MartinothamarLayerCountBenchmarks
{
    private readonly Ping0 _ping0 = new();
    private readonly Ping1 _ping1 = new();
    private readonly Ping5 _ping5 = new();
    private readonly Ping11 _ping11 = new();
    private ServiceProvider _provider = null!;
    private global::PeerMediator3.Generated.Mediator _mediator = null!;
    private PingInner _inner;

    [Params(0, 1, 5, 11)]
    public int Layers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _provider = PeerSetup.Build();
        _mediator = _provider.GetRequiredService<global::PeerMediator3.Generated.Mediator>();
        _inner = new PingInner(new Ping0Handler(), _ping0);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => Layers switch
    {
        0 => await HandWrittenChain<PingInner, int>.Run0(_inner),
        1 => await HandWrittenChain<PingInner, int>.Run1(_inner),
        5 => await HandWrittenChain<PingInner, int>.Run5(_inner),
        _ => await HandWrittenChain<PingInner, int>.Run11(_inner),
    };

    [Benchmark]
    public async ValueTask<int> Mediator3() => Layers switch
    {
        0 => await _mediator.Send(_ping0),
        1 => await _mediator.Send(_ping1),
        5 => await _mediator.Send(_ping5),
        _ => await _mediator.Send(_ping11),
    };
}
