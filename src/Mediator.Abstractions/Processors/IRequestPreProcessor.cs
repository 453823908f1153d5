using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Runs before the rest of a request's pipeline, and cannot change or stop it except by throwing. Mark the class with
/// <see cref="MiddlewareAttribute"/>; it is placed, ordered and given a lifetime like middleware, at
/// <see cref="ProcessorOrder.PreProcessor"/> unless it sets an <c>Order</c>:
/// <code>
/// [Middleware]
/// public sealed class Stamp&lt;TRequest&gt; : IRequestPreProcessor&lt;TRequest&gt; where TRequest : IStamped
/// {
///     public ValueTask Process(TRequest request, CancellationToken cancellationToken)
///     {
///         request.ReceivedAt = DateTimeOffset.UtcNow;
///         return default;
///     }
/// }
/// </code>
/// A pre-processor that completes synchronously (returns <c>default</c>) costs the pipeline no async state machine;
/// a full <see cref="IRequestMiddleware{TRequest, TResponse}"/> written with <c>async</c> does. MediatR's interface of the
/// same name returns a <c>Task</c>; this one returns a <see cref="ValueTask"/>.
/// </summary>
/// <typeparam name="TRequest">The request type (a type parameter constrained like middleware, or one closed request type).</typeparam>
public interface IRequestPreProcessor<in TRequest>
{
    /// <summary>Runs before the inner pipeline and the handler.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>A task that completes when the processor is done; a failure stops the dispatch.</returns>
    ValueTask Process(TRequest request, CancellationToken cancellationToken);
}
