using Mediator;
using Mediator.Authorization;
using Mediator.Metrics;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Validation;

// The built-ins that answer with a problem, and those that key on the caller or trace, at their canonical orders.
[assembly: UseMiddleware(typeof(ValidationMiddleware<,>))]
[assembly: UseMiddleware(typeof(AuthorizationMiddleware<,>))]
[assembly: UseMiddleware(typeof(MetricsMiddleware<,>))]
[assembly: UseMiddleware(typeof(RateLimitMiddleware<,>))]
[assembly: UseMiddleware(typeof(BulkheadMiddleware<,>))]
[assembly: UseMiddleware(typeof(Mediator.Caching.CachingMiddleware<,>))]
[assembly: UseMiddleware(typeof(TimeoutMiddleware<,>))]
[assembly: UseMiddleware(typeof(CircuitBreakerMiddleware<,>))]
