using Mediator;

namespace RuntimeTests;

// A request whose handler and two middlewares are scoped and complete synchronously, for the allocation tests of
// pipelines built per dispatch (ScopedAllocationTests). The middlewares are constrained to the marker interface so that
// they wrap nothing else of this project.

public interface IScopedAllocationProbe
{
}

public sealed class ScopedCount : IRequest<int>, IScopedAllocationProbe
{
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class ScopedCountHandler : IRequestHandler<ScopedCount, int>
{
    public int Calls { get; private set; }

    public ValueTask<int> Handle(ScopedCount request, CancellationToken cancellationToken) => new(++Calls);
}

[Middleware(Lifetime = ComponentLifetime.Scoped, Order = 1)]
public sealed class ScopedCountingOuter<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IScopedAllocationProbe
{
    public int Calls { get; private set; }

    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        Calls++;
        return next.InvokeAsync(request, context);
    }
}

[Middleware(Lifetime = ComponentLifetime.Scoped, Order = 2)]
public sealed class ScopedCountingInner<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, IScopedAllocationProbe
{
    public int Calls { get; private set; }

    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        Calls++;
        return next.InvokeAsync(request, context);
    }
}
