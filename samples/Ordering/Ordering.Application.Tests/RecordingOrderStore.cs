using Mediator;
using Ordering.Application;

namespace Ordering.Application.Tests;

/// <summary>
/// The store a test controls: keeps what was saved, and publishes the staged events through the test project's own
/// mediator (as Infrastructure's store does through the Web host's), so Application's event handlers run too.
/// </summary>
internal sealed class RecordingOrderStore(IPublisher publisher) : IOrderStore
{
    private readonly List<(string Product, int Quantity)> _staged = new();
    private readonly List<INotification> _events = new();

    public List<(string Product, int Quantity)> Saved { get; } = new();

    public int SaveCount { get; private set; }

    public int Add(string product, int quantity)
    {
        _staged.Add((product, quantity));
        return 100 + Saved.Count + _staged.Count;
    }

    public void AddEvent(INotification domainEvent) => _events.Add(domainEvent);

    public async ValueTask SaveChangesAsync(CancellationToken cancellationToken)
    {
        SaveCount++;
        Saved.AddRange(_staged);
        _staged.Clear();
        foreach (var domainEvent in _events.ToList())
        {
            await publisher.Publish(domainEvent, cancellationToken);
        }

        _events.Clear();
    }
}
