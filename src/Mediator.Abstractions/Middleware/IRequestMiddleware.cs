namespace Mediator;

/// <summary>
/// <see cref="IMiddleware{TMessage, TResult}"/> that applies to requests only (never to notifications), with the
/// same <c>InvokeAsync</c> method:
/// <code>
/// [Middleware(Order = 10)]
/// public sealed class Audit&lt;TRequest, TResponse&gt; : IRequestMiddleware&lt;TRequest, TResponse&gt;
///     where TRequest : IRequest&lt;TResponse&gt;
/// {
///     public async ValueTask&lt;TResponse&gt; InvokeAsync&lt;TNext&gt;(TRequest request, TNext next, MessageContext context)
///         where TNext : struct, INext&lt;TRequest, TResponse&gt;
///         => await next.InvokeAsync(request, context);
/// }
/// </code>
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type (<see cref="Unit"/> for requests without one).</typeparam>
public interface IRequestMiddleware<TRequest, TResponse> : IMiddleware<TRequest, TResponse>
{
}
