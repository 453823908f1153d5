using System.Collections.Concurrent;
using Mediator;

namespace RuntimeTests;

// ---- hierarchy: global wraps group wraps message, whatever their Order ----

/// <summary>Notifications and requests the hierarchy tracing middlewares wrap (not a group: its middleware is global).</summary>
public interface IAudited
{
}

/// <summary>A group: middleware constrained to it is group middleware.</summary>
[MiddlewareGroup]
public interface IOrderEvent : INotification
{
    int OrderId { get; }
}

public sealed record OrderPlaced(int OrderId) : IOrderEvent, IAudited;

public sealed record OrderCancelled(int OrderId) : IOrderEvent, IAudited;

public sealed record UserRegistered(string Name) : INotification, IAudited;

[Handler]
public sealed class OrderPlacedEmail(Recorder recorder) : INotificationHandler<OrderPlaced>
{
    public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken)
    {
        recorder.Add("email " + notification.OrderId);
        return default;
    }
}

/// <summary>Handles the group's interface: receives every order event.</summary>
[Handler]
public sealed class OrderEventAudit(Recorder recorder) : INotificationHandler<IOrderEvent>
{
    public async ValueTask Handle(IOrderEvent notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        recorder.Add("audit " + notification.GetType().Name + " " + notification.OrderId);
    }
}

[Handler]
public sealed class WelcomeMail(Recorder recorder) : INotificationHandler<UserRegistered>
{
    public ValueTask Handle(UserRegistered notification, CancellationToken cancellationToken)
    {
        recorder.Add("welcome " + notification.Name);
        return default;
    }
}

public abstract class NotificationTrace<TMessage, TResult>(Recorder recorder, string name) : IMiddleware<TMessage, TResult>
{
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        recorder.Add(name + " before");
        var result = await next.InvokeAsync(message, context);
        recorder.Add(name + " after");
        return result;
    }
}

/// <summary>The same trace written as notification-only middleware (a plain ValueTask): both kinds mix in one pipeline.</summary>
public abstract class NotificationOnlyTrace<TNotification>(Recorder recorder, string name) : INotificationMiddleware<TNotification>
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
    {
        recorder.Add(name + " before");
        await next.InvokeAsync(notification, context);
        recorder.Add(name + " after");
    }
}

/// <summary>Once per Publish, before the fan-out.</summary>
[Middleware(Order = 50, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishTrace<TNotification>(Recorder recorder) : NotificationOnlyTrace<TNotification>(recorder, "publish")
    where TNotification : IAudited;

/// <summary>Global (its constraint is no group) and with the highest Order: still outermost around each handler.</summary>
[Middleware(Order = 100)]
public sealed class GlobalTrace<TMessage, TResult>(Recorder recorder) : NotificationTrace<TMessage, TResult>(recorder, "global")
    where TMessage : IAudited;

[Middleware(Order = -5)]
public sealed class OrderGroupTrace<TMessage, TResult>(Recorder recorder) : NotificationTrace<TMessage, TResult>(recorder, "group")
    where TMessage : IOrderEvent;

/// <summary>Message middleware: for one closed notification type, innermost whatever its Order.</summary>
[Middleware(Order = -100)]
public sealed class OrderPlacedOnly(Recorder recorder) : NotificationOnlyTrace<OrderPlaced>(recorder, "message");

// ---- requests in a group ----

[MiddlewareGroup]
public interface IBillingRequest
{
}

public sealed record Charge(int Amount) : IRequest<int>, IBillingRequest, IAudited;

[Handler]
public sealed class ChargeHandler(Recorder recorder) : IRequestHandler<Charge, int>
{
    public ValueTask<int> Handle(Charge request, CancellationToken cancellationToken)
    {
        recorder.Add("charge " + request.Amount);
        return new(request.Amount);
    }
}

[Middleware(Order = -50)]
public sealed class BillingGroupTrace<TRequest, TResponse>(Recorder recorder) : NotificationTrace<TRequest, TResponse>(recorder, "billing group"), IRequestMiddleware<TRequest, TResponse>
    where TRequest : IBillingRequest;

[Middleware(Order = -500)]
public sealed class ChargeOnly(Recorder recorder) : NotificationTrace<Charge, int>(recorder, "charge message"), IRequestMiddleware<Charge, int>;

// ---- one middleware class for all three modes ----

public interface IEveryMode
{
}

public sealed record EveryModeRequest : IRequest<int>, IEveryMode;

public sealed record EveryModeEvent : INotification, IEveryMode;

public sealed record EveryModeStream : IStreamRequest<int>, IEveryMode;

[Handler]
public sealed class EveryModeHandlers(Recorder recorder)
    : IRequestHandler<EveryModeRequest, int>, INotificationHandler<EveryModeEvent>, IStreamRequestHandler<EveryModeStream, int>
{
    public ValueTask<int> Handle(EveryModeRequest request, CancellationToken cancellationToken) => new(42);

    public ValueTask Handle(EveryModeEvent notification, CancellationToken cancellationToken)
    {
        recorder.Add("event handled");
        return default;
    }

    public async IAsyncEnumerable<int> Handle(EveryModeStream request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        yield return 1;
        yield return 2;
    }
}

[Middleware]
public sealed class EveryMode<TMessage, TResult>(Recorder recorder) : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
    where TMessage : IEveryMode
{
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        recorder.Add("every-mode " + typeof(TMessage).Name);
        return next.InvokeAsync(message, context);
    }

    // Both methods take the same parameters, so one of them is implemented explicitly; the generator calls it through the interface.
    async IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
    {
        recorder.Add("every-mode " + typeof(TMessage).Name + " opened");
        await foreach (var item in next.InvokeAsync(request, context))
        {
            recorder.Add("every-mode item " + item);
            yield return item;
        }
    }
}

// ---- strategies ----

/// <summary>Two handlers that each wait for the other: only a concurrent fan-out can finish.</summary>
[PublishStrategy(PublishStrategy.Concurrent)]
public sealed record Rendezvous : INotification;

public sealed class RendezvousProbe
{
    public TaskCompletionSource LeftArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource RightArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

[Handler]
public sealed class RendezvousLeft(RendezvousProbe probe) : INotificationHandler<Rendezvous>
{
    public async ValueTask Handle(Rendezvous notification, CancellationToken cancellationToken)
    {
        probe.LeftArrived.SetResult();
        await probe.RightArrived.Task.WaitAsync(cancellationToken);
    }
}

[Handler]
public sealed class RendezvousRight(RendezvousProbe probe) : INotificationHandler<Rendezvous>
{
    public async ValueTask Handle(Rendezvous notification, CancellationToken cancellationToken)
    {
        probe.RightArrived.SetResult();
        await probe.LeftArrived.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>Three handlers; the first by name fails, the other two must still run.</summary>
public sealed record Broadcast(string Text) : INotification;

public sealed class BroadcastFailure(string message) : Exception(message);

[Handler]
public sealed class BroadcastA(Recorder recorder) : INotificationHandler<Broadcast>
{
    public ValueTask Handle(Broadcast notification, CancellationToken cancellationToken)
    {
        recorder.Add("A fails");
        throw new BroadcastFailure("A is broken");
    }
}

[Handler]
public sealed class BroadcastB(Recorder recorder) : INotificationHandler<Broadcast>
{
    public async ValueTask Handle(Broadcast notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        recorder.Add("B " + notification.Text);
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class BroadcastC(Recorder recorder) : INotificationHandler<Broadcast>
{
    public async ValueTask Handle(Broadcast notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        recorder.Add("C " + notification.Text);
        throw new BroadcastFailure("C is broken too, after an await");
    }
}

// ---- publish-side drop ----

public sealed record Gated(bool Drop) : INotification;

[Handler]
public sealed class GatedHandler(Recorder recorder) : INotificationHandler<Gated>
{
    public ValueTask Handle(Gated notification, CancellationToken cancellationToken)
    {
        recorder.Add("gated handled");
        return default;
    }
}

[Middleware(Direction = MiddlewareDirection.OnPublish)]
public sealed class Gate : INotificationMiddleware<Gated>
{
    public ValueTask InvokeAsync<TNext>(Gated notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<Gated>
        => notification.Drop ? throw new DropException("closed gate") : next.InvokeAsync(notification, context);
}

/// <summary>A notification type nobody handles (MED0010 is informational).</summary>
public sealed record NobodyListens : INotification;

// ---- allocation: Publish to 3 handlers, 2 publish-side + 3 handler-side no-op middlewares ----

public interface IAllocationProbe
{
}

public sealed record AllocationEvent(int Value) : INotification, IAllocationProbe;

public sealed record AllocationStream(int Count) : IStreamRequest<int>, IAllocationProbe;

[Handler]
public sealed class AllocationHandlers : INotificationHandler<AllocationEvent>, IStreamRequestHandler<AllocationStream, int>
{
    public ValueTask Handle(AllocationEvent notification, CancellationToken cancellationToken) => default;

    public async IAsyncEnumerable<int> Handle(AllocationStream request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < request.Count; i++)
        {
            yield return i;
        }

        await Task.CompletedTask;
    }
}

[Handler]
public sealed class AllocationHandler2 : INotificationHandler<AllocationEvent>
{
    public ValueTask Handle(AllocationEvent notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class AllocationHandler3 : INotificationHandler<AllocationEvent>
{
    public ValueTask Handle(AllocationEvent notification, CancellationToken cancellationToken) => default;
}

public abstract class NoOpNotificationLayer<TNotification> : INotificationMiddleware<TNotification>
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
        => await next.InvokeAsync(notification, context);
}

[Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishLayer1<T> : NoOpNotificationLayer<T> where T : IAllocationProbe;

[Middleware(Order = 2, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishLayer2<T> : NoOpNotificationLayer<T> where T : IAllocationProbe;

[Middleware(Order = 1)]
public sealed class HandlerLayer1<T> : NoOpNotificationLayer<T> where T : IAllocationProbe;

[Middleware(Order = 2)]
public sealed class HandlerLayer2<T> : NoOpNotificationLayer<T> where T : IAllocationProbe;

[Middleware(Order = 3)]
public sealed class HandlerLayer3<T> : NoOpNotificationLayer<T> where T : IAllocationProbe;

// ---- both notification middleware kinds in one chain: INotificationMiddleware (a plain ValueTask) outermost, then
// IMiddleware<T, Unit>, then the handler; every step finishes asynchronously, so each conversion takes its slow path ----

/// <summary>Both mixed notifications; the handlers below handle this interface, so each serves both.</summary>
public interface IMixedKinds : INotification
{
    string Name { get; }
}

public sealed record MixedEvent(string Name) : IMixedKinds;

[PublishStrategy(PublishStrategy.Concurrent)]
public sealed record MixedConcurrentEvent(string Name) : IMixedKinds;

[Middleware(Order = 1)]
public sealed class PlainFirst<TNotification>(Recorder recorder) : INotificationMiddleware<TNotification>
    where TNotification : IMixedKinds
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
    {
        await Task.Yield();
        recorder.Add("plain before");
        await next.InvokeAsync(notification, context);
        recorder.Add("plain after");
    }
}

[Middleware(Order = 2)]
public sealed class UnitSecond<TMessage, TResult>(Recorder recorder) : IMiddleware<TMessage, TResult>
    where TMessage : IMixedKinds
{
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        await Task.Yield();
        recorder.Add("unit before");
        var result = await next.InvokeAsync(message, context);
        recorder.Add("unit after");
        return result;
    }
}

[Handler]
public sealed class MixedWorks(Recorder recorder) : INotificationHandler<IMixedKinds>
{
    public async ValueTask Handle(IMixedKinds notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        recorder.Add("works " + notification.Name);
    }
}

[Handler]
public sealed class MixedFails : INotificationHandler<IMixedKinds>
{
    public async ValueTask Handle(IMixedKinds notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new InvalidOperationException("fails " + notification.Name);
    }
}
