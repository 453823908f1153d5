using System.Collections.Concurrent;
using Mediator.RabbitMQ;

namespace RabbitMqTests;

/// <summary>A consuming app's record of what its consumer did with each delivery.</summary>
public sealed class Records : IRabbitMqDeliveryObserver
{
    private readonly ConcurrentQueue<RabbitMqDeliveryRecord> _records = new();
    private readonly SemaphoreSlim _signal = new(0);

    public IReadOnlyList<RabbitMqDeliveryRecord> All => _records.ToArray();

    public void OnDelivery(RabbitMqDeliveryRecord record)
    {
        _records.Enqueue(record);
        _signal.Release();
    }

    /// <summary>
    /// Waits until <paramref name="count"/> deliveries are settled: a handler having run is not enough before stopping the
    /// consumer, whose shutdown requeues a delivery not yet acked (and not yet written to the inbox).
    /// </summary>
    public async Task WaitForCount(int count, string what)
    {
        var deadline = DateTime.UtcNow + Broker.Patience;
        while (_records.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _signal.WaitAsync(left))
            {
                Assert.Fail($"Waited {Broker.Patience.TotalSeconds:0} s for {what}; settled so far: {string.Join(", ", _records.Select(r => r.MessageId + " " + r.Result))}.");
            }
        }
    }
}
