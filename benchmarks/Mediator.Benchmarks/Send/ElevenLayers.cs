using Mediator;

namespace MediatorBenchmarks;

/// <summary>Requests carrying this marker get eleven no-op layers: NoOp1..5 (they extend IFiveLayers) and NoOp6..11.</summary>
public interface IElevenLayers : IFiveLayers
{
}

public sealed class Ping11 : IRequest<int>, IElevenLayers
{
}

[Handler]
public sealed class Ping11Handler : IRequestHandler<Ping11, int>
{
    public ValueTask<int> Handle(Ping11 request, CancellationToken cancellationToken) => new(42);
}

// Six more of the seed's no-op layers (async, awaits next, nothing else), for the eleven-layer row.

[Middleware(Order = 6)]
public sealed class NoOp6<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IElevenLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 7)]
public sealed class NoOp7<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IElevenLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 8)]
public sealed class NoOp8<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IElevenLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 9)]
public sealed class NoOp9<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IElevenLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 10)]
public sealed class NoOp10<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IElevenLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 11)]
public sealed class NoOp11<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IElevenLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}
