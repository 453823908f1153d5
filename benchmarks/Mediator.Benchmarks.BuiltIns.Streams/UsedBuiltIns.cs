using Mediator;
using Mediator.Authorization;
using Mediator.Logging;
using Mediator.Metrics;
using Mediator.Resilience;

// The four built-ins of the stream figure, each at its canonical default order (BuiltInOrder).
[assembly: UseMiddleware(typeof(LoggingMiddleware<,>))]
[assembly: UseMiddleware(typeof(AuthorizationMiddleware<,>))]
[assembly: UseMiddleware(typeof(MetricsMiddleware<,>))]
[assembly: UseMiddleware(typeof(TimeoutMiddleware<,>))]
