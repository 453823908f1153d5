using Mediator;

namespace RuntimeTests.BuiltIns;

/// <summary>
/// The rest of a pipeline for a middleware under test: a struct, like the generated steps, that calls a handler
/// held in a delegate. Nest them to compose two middlewares.
/// </summary>
public readonly struct TestNext<TMessage, TResult> : INext<TMessage, TResult>
{
    private readonly Func<TMessage, MessageContext, ValueTask<TResult>> _handler;

    public TestNext(Func<TMessage, MessageContext, ValueTask<TResult>> handler) => _handler = handler;

    public ValueTask<TResult> InvokeAsync(TMessage message, MessageContext context) => _handler(message, context);
}
