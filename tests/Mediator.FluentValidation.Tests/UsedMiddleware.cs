using Mediator;
using Mediator.Validation;

// Scoped: the FluentValidation validators (scoped, as FluentValidation registers them) take the request's DbContext.
[assembly: UseMiddleware(typeof(ValidationMiddleware<,>), Lifetime = ComponentLifetime.Scoped)]
[assembly: DefaultLifetimes(Handlers = ComponentLifetime.Scoped)]
