using Mediator;

// An explicit middleware of this assembly, applied wherever its constraints fit by the assembly attribute alone.
[assembly: UseMiddleware(typeof(RuntimeTests.AssemblyWideTrace<,>))]

namespace RuntimeTests;

// ---- middleware named by [UseMiddleware] on one handler (the "handler" layer) ----

/// <summary>Explicit: wraps only the handlers that name it, innermost, whatever its Order.</summary>
[Middleware(Order = -1000, Explicit = true)]
public sealed class HandlerTrace<TMessage, TResult>(Recorder recorder) : NotificationTrace<TMessage, TResult>(recorder, "handler");

/// <summary>A second handler-level middleware; the [UseMiddleware] that names it sets its order there.</summary>
[Middleware(Explicit = true)]
public sealed class HandlerTimer<TMessage, TResult>(Recorder recorder) : NotificationTrace<TMessage, TResult>(recorder, "timer");

/// <summary>An order event (group IOrderEvent, global IAudited) with two handlers: OrderEventAudit and PackingSlip.</summary>
public sealed record OrderPacked(int OrderId) : IOrderEvent, IAudited;

/// <summary>Names two handler-level middlewares; the other handler of OrderPacked (OrderEventAudit) names none.</summary>
[Handler]
[UseMiddleware(typeof(HandlerTrace<,>))]
[UseMiddleware(typeof(HandlerTimer<,>), Order = -2000)]
public sealed class PackingSlip(Recorder recorder) : INotificationHandler<OrderPacked>
{
    public ValueTask Handle(OrderPacked notification, CancellationToken cancellationToken)
    {
        recorder.Add("slip " + notification.OrderId);
        return default;
    }
}

/// <summary>A request in the billing group with message middleware too: the handler's own middleware is innermost.</summary>
public sealed record Refund(int Amount) : IRequest<int>, IBillingRequest, IAudited;

[Handler]
[UseMiddleware(typeof(HandlerTrace<,>))]
public sealed class RefundHandler(Recorder recorder) : IRequestHandler<Refund, int>
{
    public ValueTask<int> Handle(Refund request, CancellationToken cancellationToken)
    {
        recorder.Add("refund " + request.Amount);
        return new(-request.Amount);
    }
}

[Middleware(Order = 1000)]
public sealed class RefundOnly(Recorder recorder) : NotificationTrace<Refund, int>(recorder, "refund message"), IRequestMiddleware<Refund, int>;

/// <summary>A traced stream whose handler names its own stream middleware: inside the outer and inner traces.</summary>
public sealed record Countdown(int From) : IStreamRequest<int>, IStreamTraced;

[Handler]
[UseMiddleware(typeof(HandlerStreamTrace<,>))]
public sealed class CountdownHandler : IStreamRequestHandler<Countdown, int>
{
    public async IAsyncEnumerable<int> Handle(Countdown request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = request.From; i > 0; i--)
        {
            await Task.Yield();
            yield return i;
        }
    }
}

[Middleware(Explicit = true)]
public sealed class HandlerStreamTrace<TRequest, TItem>(Recorder recorder) : StreamTrace<TRequest, TItem>(recorder, "handler");

// ---- [assembly: UseMiddleware] of an explicit middleware declared here ----

/// <summary>Messages the two explicit middlewares below could wrap.</summary>
public interface IAssemblyWide
{
}

public sealed record Stamp(string Text) : IRequest<string>, IAssemblyWide;

public sealed record Stamped(string Text) : INotification, IAssemblyWide;

[Handler]
public sealed class StampHandlers(Recorder recorder) : IRequestHandler<Stamp, string>, INotificationHandler<Stamped>
{
    public ValueTask<string> Handle(Stamp request, CancellationToken cancellationToken)
    {
        recorder.Add("stamp " + request.Text);
        return new(request.Text);
    }

    public ValueTask Handle(Stamped notification, CancellationToken cancellationToken)
    {
        recorder.Add("stamped " + notification.Text);
        return default;
    }
}

/// <summary>Explicit, and named by [assembly: UseMiddleware] above: wraps every IAssemblyWide message.</summary>
[Middleware(Explicit = true)]
public sealed class AssemblyWideTrace<TMessage, TResult>(Recorder recorder) : NotificationTrace<TMessage, TResult>(recorder, "assembly-wide")
    where TMessage : IAssemblyWide;

/// <summary>Explicit with the same constraints, named nowhere: wraps nothing.</summary>
[Middleware(Explicit = true)]
public sealed class NeverNamedTrace<TMessage, TResult>(Recorder recorder) : NotificationTrace<TMessage, TResult>(recorder, "never named")
    where TMessage : IAssemblyWide;
