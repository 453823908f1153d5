using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Retry;

public sealed record IdempotentLookup(int Id) : IIdempotent;

public sealed record PlainCommand(int Id);

public sealed record ReadQuote(string Symbol) : IQuery<decimal>;

[Handler]
public sealed class ReadQuoteHandler : IRequestHandler<ReadQuote, decimal>
{
    public ValueTask<decimal> Handle(ReadQuote request, CancellationToken cancellationToken) => new(1m);
}

public sealed class DeadlockException : Exception;

public sealed class DeadlocksAreTransient : IRetryPredicate
{
    public bool IsTransient(Exception exception, Type messageType) => exception is DeadlockException;
}

/// <summary>Builds a retry middleware over a fake clock and a handler that fails a scripted number of times.</summary>
public static class RetryHarness
{
    public static RetryMiddleware<TMessage, int> Create<TMessage>(
        RetryAttribute settings, FakeTimeProvider time, RetryOptions? options = null, params IRetryPredicate[] predicates)
        => new(settings, time, options ?? new RetryOptions(), predicates);

    public static RetryAttribute NoWait(int maxAttempts)
        => new() { MaxAttempts = maxAttempts, BaseDelayMilliseconds = 0, Jitter = false };

    public static ValueTask<int> Send<TMessage>(
        RetryMiddleware<TMessage, int> middleware, TMessage message, Func<TMessage, MessageContext, ValueTask<int>> handler, CancellationToken token = default)
        => middleware.InvokeAsync(message, new TestNext<TMessage, int>(handler), new MessageContext(typeof(TMessage), token));
}
