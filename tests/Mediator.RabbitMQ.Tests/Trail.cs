using System.Collections.Concurrent;
using Mediator;
using Mediator.RabbitMQ;

namespace RabbitMqTests;

/// <summary>An app's record of which middleware ran, in order (a singleton per app).</summary>
public sealed class Trail
{
    private readonly ConcurrentQueue<string> _steps = new();

    public IReadOnlyList<string> Steps => _steps.ToArray();

    public void Add(string step) => _steps.Enqueue(step);
}

/// <summary>The mediator's publish-side middleware for orders: runs once per Publish, before the transport (in the
/// producer) or before the handlers here (in the consumer, which publishes a consumed order to its handlers).</summary>
[Middleware(Direction = MiddlewareDirection.OnPublish)]
public sealed class StampOrders : INotificationMiddleware<OrderPlaced>
{
    private readonly Trail _trail;

    public StampOrders(Trail trail) => _trail = trail;

    public ValueTask InvokeAsync<TNext>(OrderPlaced notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<OrderPlaced>
    {
        _trail.Add(RabbitMqDelivery.Current is null ? "mediator publish-side" : "mediator publish-side (consumed)");
        return next.InvokeAsync(notification, context);
    }
}

/// <summary>A RabbitMQ middleware that records both directions under its level's name; on publish it may also add a
/// header, change the routing key or rewrite the body, as the tests ask.</summary>
public sealed class Recorder(Trail trail, string level) : RabbitMqMiddleware
{
    public string? StampHeader { get; init; }

    public string? RouteTo { get; init; }

    public Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>>? RewriteBody { get; init; }

    public override async ValueTask OnMessageAsync(RabbitMqEnvelope message, RabbitMqNext next, CancellationToken cancellationToken)
    {
        trail.Add(level + " message" + (message.GetHeader("x-stamp") is { } stamp ? " (stamp " + stamp + ")" : string.Empty));
        await next.InvokeAsync(message, cancellationToken);
        trail.Add(level + " message done");
    }

    public override ValueTask OnPublishAsync(RabbitMqEnvelope envelope, RabbitMqNext next, CancellationToken cancellationToken)
    {
        trail.Add(level + " publish");
        if (StampHeader is not null)
        {
            envelope.Headers["x-stamp"] = StampHeader;
        }

        if (RouteTo is not null)
        {
            envelope.RoutingKey = RouteTo;
        }

        if (RewriteBody is not null)
        {
            envelope.Body = RewriteBody(envelope.Body);
        }

        return next.InvokeAsync(envelope, cancellationToken);
    }
}
