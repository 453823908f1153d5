using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

// Marker interfaces pick the behaviors through their constraints, as in our benchmarks: NoOp1 for IOneLayer, NoOp2..5
// for IFiveLayers, NoOp6..11 for IElevenLayers (LayerCount.cs).
public interface IOneLayer;

public interface IFiveLayers : IOneLayer;

public sealed class Ping5 : IRequest<int>, IFiveLayers
{
}

public sealed class Ping5Handler : IRequestHandler<Ping5, int>
{
    public ValueTask<int> Handle(Ping5 request, CancellationToken cancellationToken) => new(42);
}

// The same no-op layer as ours: async, awaits next, nothing else.
public sealed class NoOp1<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IOneLayer
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp2<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp3<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp4<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

public sealed class NoOp5<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage, IFiveLayers
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
        => await next(message, cancellationToken);
}

/// <summary>martinothamar/Mediator 3.0.2 with five no-op behaviors, against the same hand-written baseline as SendBenchmarks.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class MartinothamarSendBenchmarks
{
    private readonly Ping5 _ping5 = new();
    private ServiceProvider _provider = null!;
    private global::PeerMediator3.Generated.Mediator _mediator = null!;
    private IMediator _interface = null!;
    private Ping5Handler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = PeerSetup.Build();
        _mediator = _provider.GetRequiredService<global::PeerMediator3.Generated.Mediator>();
        _interface = _provider.GetRequiredService<IMediator>();
        _handler = new Ping5Handler();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten5() => await Layer1(_ping5, default);

    [Benchmark]
    public async ValueTask<int> Mediator3_5() => await _mediator.Send(_ping5);

    [Benchmark]
    public async ValueTask<int> Mediator3Interface5() => await _interface.Send(_ping5);

    private async ValueTask<int> Layer1(Ping5 request, CancellationToken cancellationToken) => await Layer2(request, cancellationToken);

    private async ValueTask<int> Layer2(Ping5 request, CancellationToken cancellationToken) => await Layer3(request, cancellationToken);

    private async ValueTask<int> Layer3(Ping5 request, CancellationToken cancellationToken) => await Layer4(request, cancellationToken);

    private async ValueTask<int> Layer4(Ping5 request, CancellationToken cancellationToken) => await Layer5(request, cancellationToken);

    private async ValueTask<int> Layer5(Ping5 request, CancellationToken cancellationToken) => await _handler.Handle(request, cancellationToken);
}
