using System;

namespace Mediator.RabbitMQ;

/// <summary>
/// Notes drops for the message being consumed (<see cref="DeliveryOutcome.Current"/>) and passes every call on to the
/// observer the app registered before, if any (the test client's, for example).
/// </summary>
internal sealed class DeliveryOutcomeObserver : IDispatchObserver
{
    private readonly IDispatchObserver? _inner;

    public DeliveryOutcomeObserver(IDispatchObserver? inner) => _inner = inner;

    public void OnMiddleware(Type middlewareType, Type messageType, Type? handlerType)
        => _inner?.OnMiddleware(middlewareType, messageType, handlerType);

    public void OnHandler(Type handlerType, Type messageType) => _inner?.OnHandler(handlerType, messageType);

    public void OnNotificationOutcome(Type messageType, Type? handlerType, MessageOutcome outcome, int attempts, Exception? exception)
    {
        if (outcome == MessageOutcome.Dropped && exception is DropException dropped)
        {
            DeliveryOutcome.Current?.OnDropped(dropped);
        }

        _inner?.OnNotificationOutcome(messageType, handlerType, outcome, attempts, exception);
    }
}
