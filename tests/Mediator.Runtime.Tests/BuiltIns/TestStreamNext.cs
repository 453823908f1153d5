using Mediator;

namespace RuntimeTests.BuiltIns;

/// <summary>
/// The rest of a stream pipeline for tests that call a built-in's stream side directly: a struct, like the generated
/// steps, that opens a handler's stream with the token of the context it is given.
/// </summary>
public readonly struct TestStreamNext<TRequest, TItem> : IStreamNext<TRequest, TItem>
{
    private readonly Func<TRequest, MessageContext, IAsyncEnumerable<TItem>> _handler;

    public TestStreamNext(Func<TRequest, MessageContext, IAsyncEnumerable<TItem>> handler) => _handler = handler;

    public StreamItems<TItem> InvokeAsync(TRequest request, MessageContext context)
        => new(_handler(request, context).GetAsyncEnumerator(context.CancellationToken));
}
