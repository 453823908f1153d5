using System;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Sees an exception of type <typeparamref name="TException"/> (or one deriving from it) thrown by the rest of a
/// request's pipeline, and may answer in its place with <see cref="RequestExceptionHandlerState{TResponse}.SetHandled"/>;
/// otherwise the exception goes on to the outer steps unchanged. Mark the class with <see cref="MiddlewareAttribute"/>; it
/// is placed at <see cref="ProcessorOrder.ExceptionHandler"/> unless it sets an <c>Order</c>, and among exception handlers
/// of the same order the one for the most derived exception type sees the exception first:
/// <code>
/// [Middleware]
/// public sealed class NotFoundAsEmpty&lt;TRequest&gt; : IRequestExceptionHandler&lt;TRequest, Order[], NotFoundException&gt;
///     where TRequest : IRequest&lt;Order[]&gt;
/// {
///     public ValueTask Handle(TRequest request, NotFoundException exception, RequestExceptionHandlerState&lt;Order[]&gt; state, CancellationToken cancellationToken)
///     {
///         state.SetHandled([]);
///         return default;
///     }
/// }
/// </code>
/// <typeparamref name="TException"/> must be a concrete exception type (the generator decides at compile time which
/// handlers can see which exceptions); the request and response may be type parameters constrained like middleware.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type (<see cref="Unit"/> for requests without one).</typeparam>
/// <typeparam name="TException">The exception type it handles, with the types deriving from it.</typeparam>
public interface IRequestExceptionHandler<in TRequest, TResponse, in TException>
    where TException : Exception
{
    /// <summary>Handles the exception, or leaves it to go on.</summary>
    /// <param name="request">The request.</param>
    /// <param name="exception">What the inner pipeline threw.</param>
    /// <param name="state">Call <see cref="RequestExceptionHandlerState{TResponse}.SetHandled"/> on it to answer the caller instead of failing.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the handler is done; a failure replaces the original exception.</returns>
    ValueTask Handle(TRequest request, TException exception, RequestExceptionHandlerState<TResponse> state, CancellationToken cancellationToken);
}
