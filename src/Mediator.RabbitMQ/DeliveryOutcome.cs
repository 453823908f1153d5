using System;
using System.Threading;

namespace Mediator.RabbitMQ;

/// <summary>
/// What the handlers of one consumed message did that <c>Publish</c> does not throw: a <see cref="DropException"/>
/// ends a delivery quietly in process, but on the broker it sends the message to the dead-letter queue. The consumer
/// sets <see cref="Current"/> around each dispatch; <see cref="DeliveryOutcomeObserver"/> fills it in.
/// </summary>
internal sealed class DeliveryOutcome
{
    private static readonly AsyncLocal<DeliveryOutcome?> CurrentDelivery = new();

    /// <summary>The message being consumed on this async flow, or null outside a consumer.</summary>
    public static DeliveryOutcome? Current
    {
        get => CurrentDelivery.Value;
        set => CurrentDelivery.Value = value;
    }

    private DropException? _dropped;

    /// <summary>The first drop seen for this message, or null.</summary>
    public DropException? Dropped => Volatile.Read(ref _dropped);

    public void OnDropped(DropException dropped) => Interlocked.CompareExchange(ref _dropped, dropped, null);
}
