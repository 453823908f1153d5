using Mediator;

// Everything scoped, the way a Clean-Architecture app that injects a DbContext sets it: one project-wide default, as
// martinothamar/Mediator's ServiceLifetime option is in the peer project.
[assembly: DefaultLifetimes(Handlers = ComponentLifetime.Scoped, Middleware = ComponentLifetime.Scoped)]

namespace ScopedBenchmarks;

public sealed class ScopedPing : IRequest<int>
{
}

[Handler]
public sealed class ScopedPingHandler : IRequestHandler<ScopedPing, int>
{
    public ValueTask<int> Handle(ScopedPing request, CancellationToken cancellationToken) => new(42);
}

// The same trivial work as the peers' behaviors and the hand-written layers: count (per-scope state, the reason a
// middleware is scoped), then await the next step.

[Middleware(Order = 1)]
public sealed class Counting1<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public int Calls;

    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        Calls++;
        return await next.InvokeAsync(request, context);
    }
}

[Middleware(Order = 2)]
public sealed class Counting2<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public int Calls;

    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        Calls++;
        return await next.InvokeAsync(request, context);
    }
}
