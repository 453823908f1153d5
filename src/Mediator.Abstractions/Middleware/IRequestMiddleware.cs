using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Middleware around request handling. Write it as a generic class whose constraints pick the requests it
/// applies to, mark it with <see cref="MiddlewareAttribute"/>, and the generator compiles it into every
/// matching pipeline:
/// <code>
/// [Middleware(Order = 10)]
/// public sealed class Timing&lt;TRequest, TResponse&gt; : IRequestMiddleware&lt;TRequest, TResponse&gt;
///     where TRequest : IRequest&lt;TResponse&gt;
/// {
///     public async ValueTask&lt;TResponse&gt; InvokeAsync&lt;TNext&gt;(TRequest request, TNext next, MessageContext context)
///         where TNext : struct, INext&lt;TRequest, TResponse&gt;
///     {
///         var started = Stopwatch.GetTimestamp();
///         try { return await next.InvokeAsync(request, context); }
///         finally { Console.WriteLine(Stopwatch.GetElapsedTime(started)); }
///     }
/// }
/// </code>
/// Middleware instances are singletons shared by all dispatches: keep mutable state in injected services.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The response type (<see cref="Unit"/> for requests without one).</typeparam>
public interface IRequestMiddleware<TRequest, TResponse>
{
    /// <summary>Runs this middleware; call <paramref name="next"/> to continue down the pipeline.</summary>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">Cancellation, message type and the optional items bag of this dispatch.</param>
    /// <returns>The response, from <paramref name="next"/> or produced here to short-circuit.</returns>
    ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>;
}
