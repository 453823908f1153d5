using System.Collections.Concurrent;
using Mediator;
using Ordering.Application;

namespace Ordering.Infrastructure;

/// <summary>The saved orders, for the life of the application (a database table in a real one).</summary>
public sealed class OrderTable
{
    private int _lastId;

    internal ConcurrentDictionary<int, (string Product, int Quantity)> Rows { get; } = new();

    internal int NextId() => Interlocked.Increment(ref _lastId);
}

/// <summary>
/// The unit of work of one scope (one HTTP request). Saving publishes the staged domain events through
/// <see cref="IPublisher"/>: in the Web host that is the composed mediator, so every project's handlers hear them.
/// </summary>
internal sealed class InMemoryOrderStore(OrderTable table, IPublisher publisher) : IOrderStore
{
    private readonly List<(int Id, string Product, int Quantity)> _orders = new();
    private readonly List<INotification> _events = new();

    public int Add(string product, int quantity)
    {
        var id = table.NextId();
        _orders.Add((id, product, quantity));
        return id;
    }

    public void AddEvent(INotification domainEvent) => _events.Add(domainEvent);

    public async ValueTask SaveChangesAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, product, quantity) in _orders)
        {
            table.Rows[id] = (product, quantity);
        }

        _orders.Clear();
        var events = _events.ToList();
        _events.Clear();
        foreach (var domainEvent in events)
        {
            // Dispatched by the event's runtime type (OrderPlaced), to its handlers in every project.
            await publisher.Publish(domainEvent, cancellationToken);
        }
    }
}
