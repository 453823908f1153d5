namespace LoadHarness.Ours;

/// <summary>
/// Our analogue of Starlette's BaseHTTPMiddleware: the same middlewares composed at run time. Each middleware is a
/// <c>Func&lt;request, next, response&gt;</c> in a list; every call builds the chain from the inside out, allocating
/// one closure per layer, and runs it. This is what a mediator without a generator (MediatR's shape) does per call.
/// </summary>
public sealed class DelegateChain<TRequest, TResponse>(
    IReadOnlyList<Func<TRequest, Func<ValueTask<TResponse>>, ValueTask<TResponse>>> middlewares,
    Func<TRequest, ValueTask<TResponse>> handler)
{
    public ValueTask<TResponse> Send(TRequest request)
    {
        Func<ValueTask<TResponse>> next = () => handler(request);
        for (var i = middlewares.Count - 1; i >= 0; i--)
        {
            var middleware = middlewares[i];
            var inner = next;
            next = () => middleware(request, inner);
        }

        return next();
    }
}

/// <summary>The seed's middlewares as delegates: the same work as the [Middleware] classes in Middlewares.cs.</summary>
public static class DelegateMiddlewares
{
    public static Func<TRequest, Func<ValueTask<TResponse>>, ValueTask<TResponse>> NoOp<TRequest, TResponse>()
        => static async (_, next) => await next();

    public static Func<TRequest, Func<ValueTask<TResponse>>, ValueTask<TResponse>> Blocking<TRequest, TResponse>(int layer)
        => async (_, next) =>
        {
            BlockingWork.Write(layer);
            return await next();
        };

    public static Func<TRequest, Func<ValueTask<TResponse>>, ValueTask<TResponse>> Delay<TRequest, TResponse>(int milliseconds)
        => async (_, next) =>
        {
            await Task.Delay(milliseconds);
            return await next();
        };
}
