using System.Runtime.CompilerServices;
using Mediator;

namespace RuntimeTests;

// ---- a 3-item stream through three no-op stream middlewares, for the allocation test ----

/// <summary>Stream requests carrying this marker get the three no-op stream layers below.</summary>
public interface IStreamNoOpLayers
{
}

public sealed class ThreeItems : IStreamRequest<int>, IStreamNoOpLayers
{
}

/// <summary>Yields 1, 2, 3 without suspending.</summary>
[Handler]
public sealed class ThreeItemsHandler : IStreamRequestHandler<ThreeItems, int>
{
    public async IAsyncEnumerable<int> Handle(ThreeItems request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return 1;
        yield return 2;
        yield return 3;
        await Task.CompletedTask;
    }
}

/// <summary>The seed's no-op stream layer: re-yields every item of <c>next</c>, nothing else.</summary>
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
public sealed class NoOpStreamLayer1<TRequest, TItem> : NoOpStreamLayer<TRequest, TItem>
    where TRequest : IStreamNoOpLayers;

[Middleware(Order = 2)]
public sealed class NoOpStreamLayer2<TRequest, TItem> : NoOpStreamLayer<TRequest, TItem>
    where TRequest : IStreamNoOpLayers;

[Middleware(Order = 3)]
public sealed class NoOpStreamLayer3<TRequest, TItem> : NoOpStreamLayer<TRequest, TItem>
    where TRequest : IStreamNoOpLayers;
