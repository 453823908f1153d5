using System;

namespace Mediator;

/// <summary>
/// Thrown when a stream handler returns <see langword="null"/> instead of a stream. Write <c>Handle</c> as an async
/// iterator (<c>async IAsyncEnumerable&lt;T&gt;</c> with <c>yield return</c>), which can never return null, or return an
/// empty stream.
/// </summary>
public sealed class StreamHandlerReturnedNullException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="handlerType"/>.</summary>
    /// <param name="handlerType">The handler that returned null.</param>
    public StreamHandlerReturnedNullException(Type handlerType)
        : base(
            $"The stream handler '{(handlerType is null ? null : TypeDisplay.Of(handlerType))}' returned null from Handle. Write Handle as an async iterator " +
            "('async IAsyncEnumerable<T>' with 'yield return'), or return an empty stream when there is nothing to produce.")
    {
        HandlerType = handlerType ?? throw new ArgumentNullException(nameof(handlerType));
    }

    /// <summary>The handler that returned null.</summary>
    public Type HandlerType { get; }
}
