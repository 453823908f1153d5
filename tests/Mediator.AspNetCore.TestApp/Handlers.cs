using Mediator;

namespace WebTestApp;

[Handler]
public sealed class AppHandlers(HandlerCalls calls, IHttpContextAccessor http)
    : IRequestHandler<Ping, Pong>, IRequestHandler<CreateOrder, OrderCreated>, IRequestHandler<GetProfile, string>,
      IRequestHandler<DeleteUser, string>, IRequestHandler<ReadAudit, string>, IRequestHandler<ReadInvoice, string>,
      IRequestHandler<Boom, string>, IRequestHandler<WhoAmI, string>
{
    public ValueTask<Pong> Handle(Ping request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(Ping));
        return new(new Pong(request.Text, http.HttpContext?.User.Identity?.Name));
    }

    public ValueTask<OrderCreated> Handle(CreateOrder request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(CreateOrder));
        return new(new OrderCreated(request.Name, request.Quantity));
    }

    public ValueTask<string> Handle(GetProfile request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(GetProfile));
        return new("profile of " + http.HttpContext!.User.Identity!.Name);
    }

    public ValueTask<string> Handle(DeleteUser request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(DeleteUser));
        return new("deleted " + request.Id);
    }

    public ValueTask<string> Handle(ReadAudit request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(ReadAudit));
        return new("audit log");
    }

    public ValueTask<string> Handle(ReadInvoice request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(ReadInvoice));
        return new("invoice " + request.Id + " of " + request.Tenant);
    }

    public ValueTask<string> Handle(WhoAmI request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(WhoAmI));
        return new(http.HttpContext!.User.Identity!.Name + " #" + calls.Of(nameof(WhoAmI)));
    }

    public ValueTask<string> Handle(Boom request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(Boom));
        throw new InvalidOperationException("A failure no built-in knows.");
    }
}

[Handler]
public sealed class ResilienceHandlers(HandlerCalls calls, HandlerGate gate)
    : IRequestHandler<Export, string>, IRequestHandler<Flaky, string>, IRequestHandler<SlowReport, string>
{
    public async ValueTask<string> Handle(Export request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(Export));
        gate.Entered.TrySetResult();
        await gate.Release.Task.WaitAsync(cancellationToken);
        return "exported";
    }

    public ValueTask<string> Handle(Flaky request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(Flaky));
        return request.Fail ? throw new InvalidOperationException("The dependency failed.") : new("fine");
    }

    public async ValueTask<string> Handle(SlowReport request, CancellationToken cancellationToken)
    {
        calls.Record(nameof(SlowReport));
        gate.Entered.TrySetResult();
        // Waits for the timeout's cancellation: the test moves the clock past the deadline.
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        return "never";
    }
}
