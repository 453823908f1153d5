using Mediator;

namespace RabbitMqTests;

/// <summary>The consuming app's handler: records each attempt in the app's <see cref="Deliveries"/> and behaves as the
/// order asks. Scoped, so that each message's scope is visible through <see cref="ScopeProbe"/>.</summary>
[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class RecordOrder(Deliveries deliveries, ScopeProbe scope) : INotificationHandler<OrderPlaced>
{
    public async ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken)
    {
        deliveries.Attempted(notification, scope);
        switch (notification.Behaviour)
        {
            case Behaviour.Drop:
                throw new DropException($"order {notification.Id} is a test drop");
            case Behaviour.Retry:
                throw new RetryException($"order {notification.Id} asks for a retry");
            case Behaviour.Throw:
                throw new InvalidOperationException($"order {notification.Id} is a bug");
            case Behaviour.Slow:
                // Long enough that a consumer killed mid-batch is most likely killed mid-handler.
                await Task.Delay(5, cancellationToken);
                break;
            case Behaviour.BlockUntilStopped when deliveries.BlockWhenAsked:
                deliveries.Blocking.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        deliveries.MarkHandled(notification);
    }
}
