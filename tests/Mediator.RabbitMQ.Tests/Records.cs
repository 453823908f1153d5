using System.Collections.Concurrent;
using Mediator.RabbitMQ;

namespace RabbitMqTests;

/// <summary>A consuming app's record of what its consumer did with each delivery.</summary>
public sealed class Records : IRabbitMqDeliveryObserver
{
    private readonly ConcurrentQueue<RabbitMqDeliveryRecord> _records = new();

    public IReadOnlyList<RabbitMqDeliveryRecord> All => _records.ToArray();

    public void OnDelivery(RabbitMqDeliveryRecord record) => _records.Enqueue(record);
}
