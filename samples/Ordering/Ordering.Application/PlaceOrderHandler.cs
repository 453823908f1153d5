using Mediator;
using Ordering.Domain;

namespace Ordering.Application;

/// <summary>
/// Stages the order and its event. Scoped, because the store it takes is the request's (one unit of work per HTTP
/// request); the generator registers it so and builds PlaceOrder's pipeline once per scope.
/// </summary>
[Handler(Lifetime = ComponentLifetime.Scoped)]
internal sealed class PlaceOrderHandler(IOrderStore store) : IRequestHandler<PlaceOrder, OrderConfirmation>
{
    public ValueTask<OrderConfirmation> Handle(PlaceOrder request, CancellationToken cancellationToken)
    {
        var id = store.Add(request.Product, request.Quantity);
        store.AddEvent(new OrderPlaced(id, request.Product, request.Quantity));
        return new(new OrderConfirmation(id, request.Product, request.Quantity));
    }
}
