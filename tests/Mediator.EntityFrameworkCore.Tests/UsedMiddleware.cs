using Mediator;
using Mediator.EntityFrameworkCore;

// The package's one middleware, turned on the way its docs say; it wraps only the [Transactional] messages.
[assembly: UseMiddleware(typeof(EfCoreTransactionMiddleware<,>))]
