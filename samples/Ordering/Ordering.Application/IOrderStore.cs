using Mediator;

namespace Ordering.Application;

/// <summary>
/// Where orders are kept, implemented in Ordering.Infrastructure. Changes are staged by the handlers and saved by
/// <see cref="SaveChangesAsync"/> (called once per command by <see cref="UnitOfWorkMiddleware{TRequest, TResponse}"/>),
/// which also publishes the staged domain events: nobody hears of an order that was not saved.
/// </summary>
public interface IOrderStore
{
    /// <summary>Stages a new order and returns its number.</summary>
    int Add(string product, int quantity);

    /// <summary>Stages a domain event, published when the changes are saved.</summary>
    void AddEvent(INotification domainEvent);

    /// <summary>Saves the staged orders, then publishes the staged events.</summary>
    ValueTask SaveChangesAsync(CancellationToken cancellationToken);
}
