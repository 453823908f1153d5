using Mediator;

namespace MediatorBenchmarks;

// The seed's no-op middleware: async, awaits next, does nothing else. Constraints pick the requests.

[Middleware(Order = 1)]
public sealed class NoOp1<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IOneLayer
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 2)]
public sealed class NoOp2<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 3)]
public sealed class NoOp3<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 4)]
public sealed class NoOp4<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 5)]
public sealed class NoOp5<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveLayers
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse> => await next.InvokeAsync(request, context);
}
