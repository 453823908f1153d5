using Mediator;
using Mediator.Authorization;
using Mediator.Caching;
using Mediator.EntityFrameworkCore;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Validation;

// The built-ins this API runs, each at its canonical order (outermost first): validation, authorization, rate limit,
// caching, timeout, circuit breaker, transaction. Each wraps only what asks for it where it is configured by the message
// ([Authorize], [Cache], [Timeout], [CircuitBreaker], [Transactional]); validation and the rate limit wrap every message.

// Scoped: FluentValidation's validators are scoped, and two of them query the request's DbContext.
[assembly: UseMiddleware(typeof(ValidationMiddleware<,>), Lifetime = ComponentLifetime.Scoped)]
[assembly: UseMiddleware(typeof(AuthorizationMiddleware<,>))]
[assembly: UseMiddleware(typeof(RateLimitMiddleware<,>))]
[assembly: UseMiddleware(typeof(CachingMiddleware<,>))]
[assembly: UseMiddleware(typeof(TimeoutMiddleware<,>))]
[assembly: UseMiddleware(typeof(CircuitBreakerMiddleware<,>))]
// EF Core's transaction, on the request's own ShopDb (scoped by its own declaration).
[assembly: UseMiddleware(typeof(EfCoreTransactionMiddleware<,>))]
