using System;

namespace Mediator;

/// <summary>
/// Tells a middleware configured by an attribute which handler its instance wraps. A notification gives each of its
/// handlers its own instance of such a middleware (its own deadline, breaker, retry loop and unit of work); the
/// generated pipeline passes the handler to a constructor parameter of this type, so that state kept outside the
/// instance (a circuit breaker's registry) can be kept per handler too. Requests and streams, which have one handler,
/// pass <see langword="null"/>, and so does a publish-side middleware. Only a middleware built by generated code (one
/// whose constructor takes an attribute) receives it; declare the parameter nullable.
/// </summary>
/// <example><code>
/// public MyBreaker(CircuitBreakerAttribute settings, HandlerIdentity? handler = null) { ... }
/// </code></example>
public sealed class HandlerIdentity
{
    /// <summary>Names the handler an instance wraps.</summary>
    /// <param name="handlerType">The handler class.</param>
    /// <exception cref="ArgumentNullException"><paramref name="handlerType"/> is null.</exception>
    public HandlerIdentity(Type handlerType) => HandlerType = handlerType ?? throw new ArgumentNullException(nameof(handlerType));

    /// <summary>The handler class the middleware instance wraps.</summary>
    public Type HandlerType { get; }
}
