using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Observes an exception of type <typeparamref name="TException"/> (or one deriving from it) thrown by the rest of a
/// request's pipeline; afterwards the same exception object is rethrown with its original stack trace. Use it to log,
/// count or compensate; use <see cref="IRequestExceptionHandler{TRequest, TResponse, TException}"/> to answer instead.
/// Mark the class with <see cref="MiddlewareAttribute"/>; it is placed at <see cref="ProcessorOrder.ExceptionAction"/>
/// unless it sets an <c>Order</c>, and among exception actions of the same order the one for the most derived exception
/// type runs first:
/// <code>
/// [Middleware]
/// public sealed class LogFailure&lt;TRequest&gt;(ILogger&lt;TRequest&gt; logger) : IRequestExceptionAction&lt;TRequest, Exception&gt;
///     where TRequest : IMessage
/// {
///     public ValueTask Execute(TRequest request, Exception exception, CancellationToken cancellationToken)
///     {
///         logger.LogError(exception, "{Request} failed", typeof(TRequest).Name);
///         return default;
///     }
/// }
/// </code>
/// <typeparamref name="TException"/> must be a concrete exception type.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TException">The exception type it observes, with the types deriving from it.</typeparam>
public interface IRequestExceptionAction<in TRequest, in TException>
    where TException : Exception
{
    /// <summary>Observes the exception; the pipeline rethrows it afterwards.</summary>
    /// <param name="request">The request.</param>
    /// <param name="exception">What the inner pipeline threw.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the action is done; a failure replaces the original exception.</returns>
    ValueTask Execute(TRequest request, TException exception, CancellationToken cancellationToken);
}
