using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Runs after the rest of a request's pipeline has answered, with the response; it does not run when the inner
/// pipeline throws. Mark the class with <see cref="MiddlewareAttribute"/>; it is placed, ordered and given a lifetime
/// like middleware, at <see cref="ProcessorOrder.PostProcessor"/> unless it sets an <c>Order</c>:
/// <code>
/// [Middleware]
/// public sealed class AuditAnswer&lt;TRequest, TResponse&gt;(IAuditLog log) : IRequestPostProcessor&lt;TRequest, TResponse&gt;
///     where TRequest : IRequest&lt;TResponse&gt;
/// {
///     public ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken)
///         => log.Write(request, response);
/// }
/// </code>
/// A request without an answer has the response <see cref="Unit"/>. A post-processor that completes synchronously
/// costs the pipeline no async state machine.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type (<see cref="Unit"/> for requests without one).</typeparam>
public interface IRequestPostProcessor<in TRequest, in TResponse>
{
    /// <summary>Runs after the inner pipeline answered.</summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The inner pipeline's answer, which the caller receives unchanged.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the processor is done; a failure fails the dispatch.</returns>
    ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken);
}
