using System;
using System.Threading;

namespace Mediator.RabbitMQ;

/// <summary>
/// The message being consumed on this async flow. It tells <see cref="RabbitMqForwarding"/> that the next publish of
/// its type is this delivery, to run on the handlers here rather than go back to the broker (taken once: a handler
/// that publishes another message of the same type sends that one to the broker). It also keeps what <c>Publish</c>
/// does not throw: a <see cref="DropException"/> ends a delivery quietly in process, but on the broker it sends the
/// message to the dead-letter queue; <see cref="DeliveryOutcomeObserver"/> notes it.
/// </summary>
internal sealed class DeliveryOutcome
{
    private static readonly AsyncLocal<DeliveryOutcome?> CurrentDelivery = new();

    private readonly Type _messageType;
    private int _taken;
    private DropException? _dropped;

    public DeliveryOutcome(Type messageType, RabbitMqEnvelope message)
    {
        _messageType = messageType;
        Message = message;
    }

    /// <summary>The consumed message.</summary>
    public RabbitMqEnvelope Message { get; }

    /// <summary>The message being consumed on this async flow, or null outside a consumer.</summary>
    public static DeliveryOutcome? Current
    {
        get => CurrentDelivery.Value;
        set => CurrentDelivery.Value = value;
    }

    /// <summary>The first drop seen for this message, or null.</summary>
    public DropException? Dropped => Volatile.Read(ref _dropped);

    public void OnDropped(DropException dropped) => Interlocked.CompareExchange(ref _dropped, dropped, null);

    /// <summary>Whether a publish of <paramref name="messageType"/> is this delivery (true once).</summary>
    public bool TryTake(Type messageType)
        => messageType == _messageType && Interlocked.Exchange(ref _taken, 1) == 0;

    /// <summary>Whether the consumer's publish reached the handlers here (false: the compiled pipeline of the type
    /// does not use the transport's strategy, and it ran its own fan-out).</summary>
    public bool WasTaken => Volatile.Read(ref _taken) == 1;
}
