using Mediator;
using Mediator.Authorization;
using Mediator.Caching;
using Mediator.Logging;
using Mediator.Metrics;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Transactions;
using Mediator.Validation;

// All eleven built-ins in this assembly's pipelines, each at its canonical default order (BuiltInOrder).
[assembly: UseMiddleware(typeof(LoggingMiddleware<,>))]
[assembly: UseMiddleware(typeof(ValidationMiddleware<,>))]
[assembly: UseMiddleware(typeof(AuthorizationMiddleware<,>))]
[assembly: UseMiddleware(typeof(MetricsMiddleware<,>))]
[assembly: UseMiddleware(typeof(RateLimitMiddleware<,>))]
[assembly: UseMiddleware(typeof(BulkheadMiddleware<,>))]
[assembly: UseMiddleware(typeof(CachingMiddleware<,>))]
[assembly: UseMiddleware(typeof(RetryMiddleware<,>))]
[assembly: UseMiddleware(typeof(TimeoutMiddleware<,>))]
[assembly: UseMiddleware(typeof(CircuitBreakerMiddleware<,>))]
[assembly: UseMiddleware(typeof(TransactionMiddleware<,>))]
