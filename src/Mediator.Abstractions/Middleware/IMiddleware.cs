using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Middleware for every mode that answers with a single value: requests (<c>Send</c>) and notifications
/// (<c>Publish</c>, where <typeparamref name="TResult"/> is <see cref="Unit"/>). Write it as a generic class whose
/// constraints pick the messages it applies to, mark it with <see cref="MiddlewareAttribute"/>, and the generator
/// compiles it into every matching pipeline:
/// <code>
/// [Middleware(Order = 10)]
/// public sealed class Timing&lt;TMessage, TResult&gt; : IMiddleware&lt;TMessage, TResult&gt;
/// {
///     public async ValueTask&lt;TResult&gt; InvokeAsync&lt;TNext&gt;(TMessage message, TNext next, MessageContext context)
///         where TNext : struct, INext&lt;TMessage, TResult&gt;
///     {
///         var started = Stopwatch.GetTimestamp();
///         try { return await next.InvokeAsync(message, context); }
///         finally { Console.WriteLine(Stopwatch.GetElapsedTime(started)); }
///     }
/// }
/// </code>
/// To restrict a class to requests, implement <see cref="IRequestMiddleware{TRequest, TResponse}"/> instead (same
/// method); notification-only middleware implements <see cref="INotificationMiddleware{TNotification}"/>, whose method
/// returns a plain <see cref="ValueTask"/>; streams have <see cref="IStreamMiddleware{TRequest, TItem}"/>, which a class
/// may implement beside this one.
/// Middleware instances are singletons shared by all dispatches: keep mutable state in injected services.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type: the response of a request, <see cref="Unit"/> for void requests and notifications.</typeparam>
public interface IMiddleware<TMessage, TResult>
{
    /// <summary>Runs this middleware; call <paramref name="next"/> to continue down the pipeline.</summary>
    /// <typeparam name="TNext">The generated struct for the rest of the pipeline.</typeparam>
    /// <param name="message">The message.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="context">Cancellation, message type and the optional items bag of this dispatch.</param>
    /// <returns>The answer, from <paramref name="next"/> or produced here to short-circuit.</returns>
    ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>;
}
