using System.Runtime.CompilerServices;
using Mediator;

namespace MediatorBenchmarks;

/// <summary>Stream requests carrying this marker get the three no-op stream layers.</summary>
public interface IStreamLayers
{
}

/// <summary>A 3-item stream with no middleware.</summary>
public sealed class Count0 : IStreamRequest<int>
{
}

/// <summary>A 3-item stream through three no-op stream middlewares.</summary>
public sealed class Count3 : IStreamRequest<int>, IStreamLayers
{
}

/// <summary>One handler for both streams: an async iterator yielding 1, 2, 3 without suspending.</summary>
[Handler]
public sealed class CountHandler : IStreamRequestHandler<Count0, int>, IStreamRequestHandler<Count3, int>
{
    public IAsyncEnumerable<int> Handle(Count0 request, CancellationToken cancellationToken) => Items(cancellationToken);

    public IAsyncEnumerable<int> Handle(Count3 request, CancellationToken cancellationToken) => Items(cancellationToken);

    public static async IAsyncEnumerable<int> Items([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return 1;
        yield return 2;
        yield return 3;
        await Task.CompletedTask;
    }
}

// The no-op stream layer: an async iterator that re-yields every item of next, nothing else.
public abstract class NoOpStreamLayer<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
{
    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
    {
        await foreach (var item in next.InvokeAsync(request, context))
        {
            yield return item;
        }
    }
}

[Middleware(Order = 1)]
public sealed class StreamLayer1<TRequest, TItem> : NoOpStreamLayer<TRequest, TItem> where TRequest : IStreamLayers;

[Middleware(Order = 2)]
public sealed class StreamLayer2<TRequest, TItem> : NoOpStreamLayer<TRequest, TItem> where TRequest : IStreamLayers;

[Middleware(Order = 3)]
public sealed class StreamLayer3<TRequest, TItem> : NoOpStreamLayer<TRequest, TItem> where TRequest : IStreamLayers;

/// <summary>
/// A 3-item stream through three no-op stream layers closed over this request (not generic), as the hand-written
/// layers are: separates the runtime's cost of generic (shared) middleware code from the generated code's.
/// </summary>
public sealed class CountClosed3 : IStreamRequest<int>
{
}

[Handler]
public sealed class CountClosedHandler : IStreamRequestHandler<CountClosed3, int>
{
    public IAsyncEnumerable<int> Handle(CountClosed3 request, CancellationToken cancellationToken) => CountHandler.Items(cancellationToken);
}

public abstract class ClosedStreamLayer : IStreamMiddleware<CountClosed3, int>
{
    public async IAsyncEnumerator<int> InvokeAsync<TNext>(CountClosed3 request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<CountClosed3, int>
    {
        await foreach (var item in next.InvokeAsync(request, context))
        {
            yield return item;
        }
    }
}

[Middleware(Order = 1)]
public sealed class ClosedStreamLayer1 : ClosedStreamLayer;

[Middleware(Order = 2)]
public sealed class ClosedStreamLayer2 : ClosedStreamLayer;

[Middleware(Order = 3)]
public sealed class ClosedStreamLayer3 : ClosedStreamLayer;
