using Mediator;

namespace RuntimeTests.BuiltIns;

/// <summary>
/// The rest of a pipeline for tests that call a built-in middleware directly: a struct, like the generated steps,
/// that hands the message to a handler delegate.
/// </summary>
public readonly struct TestNext<TMessage, TResult> : INext<TMessage, TResult>
{
    private readonly Func<TMessage, MessageContext, ValueTask<TResult>> _handler;

    public TestNext(Func<TMessage, MessageContext, ValueTask<TResult>> handler) => _handler = handler;

    public ValueTask<TResult> InvokeAsync(TMessage message, MessageContext context) => _handler(message, context);
}
