using Mediator;
using Mediator.BuiltIns;

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
