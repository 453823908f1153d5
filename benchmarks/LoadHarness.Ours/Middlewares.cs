using Mediator;

namespace LoadHarness.Ours;

// The seed's middlewares as [Middleware] classes compiled by our generator: no-op (awaits next, nothing else),
// blocking (writes 1,000 lines to its layer's file, synchronously, then awaits next) and sleeping (awaits
// Task.Delay, then next). Order 1..5 from the outside in; marker constraints pick the requests.

[Middleware(Order = 1)]
public sealed class NoOp1<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IOneNoOp
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 2)]
public sealed class NoOp2<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveNoOps
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 3)]
public sealed class NoOp3<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveNoOps
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 4)]
public sealed class NoOp4<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveNoOps
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 5)]
public sealed class NoOp5<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveNoOps
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 1)]
public sealed class Blocking1<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveBlocking
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        BlockingWork.Write(1);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 2)]
public sealed class Blocking2<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveBlocking
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        BlockingWork.Write(2);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 3)]
public sealed class Blocking3<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveBlocking
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        BlockingWork.Write(3);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 4)]
public sealed class Blocking4<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveBlocking
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        BlockingWork.Write(4);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 5)]
public sealed class Blocking5<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveBlocking
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        BlockingWork.Write(5);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 1)]
public sealed class Delay1<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveDelays
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        await Task.Delay(request.DelayMilliseconds);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 2)]
public sealed class Delay2<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveDelays
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        await Task.Delay(request.DelayMilliseconds);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 3)]
public sealed class Delay3<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveDelays
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        await Task.Delay(request.DelayMilliseconds);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 4)]
public sealed class Delay4<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveDelays
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        await Task.Delay(request.DelayMilliseconds);
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 5)]
public sealed class Delay5<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IFiveDelays
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        await Task.Delay(request.DelayMilliseconds);
        return await next.InvokeAsync(request, context);
    }
}
