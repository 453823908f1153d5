using System.Collections.Concurrent;
using Mediator;
using Mediator.Publishing;

namespace RuntimeTests;

/// <summary>Tells each outcome handler what to do, and counts its calls.</summary>
public sealed record Shipment(string Id, int RetriesBeforeSuccess = 0, bool Drop = false, bool Fail = false) : INotification;

public sealed class OutcomeProbe
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    /// <summary>Released once per handler call, so a test can wait for a retry without sleeping.</summary>
    public SemaphoreSlim RetryingCalled { get; } = new(0);

    public int Calls(string handler) => _calls.GetValueOrDefault(handler);

    public int Called(string handler) => _calls.AddOrUpdate(handler, 1, (_, n) => n + 1);
}

[Handler]
public sealed class DroppingHandler(OutcomeProbe probe) : INotificationHandler<Shipment>
{
    public ValueTask Handle(Shipment notification, CancellationToken cancellationToken)
    {
        probe.Called(nameof(DroppingHandler));
        return notification.Drop ? throw new DropException("not for us") : default;
    }
}

[Handler]
public sealed class FailingHandler(OutcomeProbe probe) : INotificationHandler<Shipment>
{
    public async ValueTask Handle(Shipment notification, CancellationToken cancellationToken)
    {
        probe.Called(nameof(FailingHandler));
        await Task.Yield();
        if (notification.Fail)
        {
            throw new InvalidOperationException("the warehouse is on fire");
        }
    }
}

[Handler]
public sealed class RetryingHandler(OutcomeProbe probe) : INotificationHandler<Shipment>
{
    public ValueTask Handle(Shipment notification, CancellationToken cancellationToken)
    {
        var call = probe.Called(nameof(RetryingHandler));
        probe.RetryingCalled.Release();
        return call <= notification.RetriesBeforeSuccess ? throw new RetryException("carrier busy, call " + call) : default;
    }
}

public sealed class ListDeadLetters : IDeadLetterSink
{
    public ConcurrentQueue<DeadLetter> Letters { get; } = new();

    public ValueTask ReceiveAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        Letters.Enqueue(letter);
        return default;
    }
}
