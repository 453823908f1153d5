using Mediator;
using Ordering.Domain;

namespace Ordering.Application;

/// <summary>Outermost for PlaceOrder only (closed over it): a rejected order never reaches the unit of work or the handler.</summary>
[Middleware(Order = 1)]
internal sealed class ValidatePlaceOrder : IRequestMiddleware<PlaceOrder, OrderConfirmation>
{
    public ValueTask<OrderConfirmation> InvokeAsync<TNext>(PlaceOrder request, TNext next, MessageContext context)
        where TNext : struct, INext<PlaceOrder, OrderConfirmation>
    {
        if (string.IsNullOrWhiteSpace(request.Product))
        {
            throw new OrderRejectedException("Name a product.");
        }

        if (request.Quantity is < 1 or > 100)
        {
            throw new OrderRejectedException($"Quantity must be between 1 and 100, not {request.Quantity}.");
        }

        return next.InvokeAsync(request, context);
    }
}

/// <summary>
/// Around every command (the <see cref="ICommand"/> constraint decides, at compile time): saves what the handler
/// staged, once, after it succeeded. Scoped, like the store it takes.
/// </summary>
[Middleware(Order = 2, Lifetime = ComponentLifetime.Scoped)]
internal sealed class UnitOfWorkMiddleware<TRequest, TResponse>(IOrderStore store) : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, ICommand
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        var response = await next.InvokeAsync(request, context);
        await store.SaveChangesAsync(context.CancellationToken);
        return response;
    }
}
