using Mediator;

namespace Quickstart;

[Handler]
public sealed class GreetHandler : IRequestHandler<Greet, string>
{
    public ValueTask<string> Handle(Greet request, CancellationToken cancellationToken)
    {
        Trace.Write($"handler: greeting {request.Name}");
        return new($"Hello, {request.Name}!");
    }
}

[Handler]
public sealed class PlaceOrderHandler : IRequestHandler<PlaceOrder, OrderId>
{
    private int _lastId;

    public ValueTask<OrderId> Handle(PlaceOrder request, CancellationToken cancellationToken)
    {
        Trace.Write($"handler: placing {request.Quantity} x {request.Product}");
        return new(new OrderId(Interlocked.Increment(ref _lastId)));
    }
}

[Handler]
public sealed class CancelOrderHandler : IRequestHandler<CancelOrder>
{
    public async ValueTask Handle(CancelOrder request, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Trace.Write($"handler: cancelled order {request.Id.Value}");
    }
}
