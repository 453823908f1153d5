using Mediator;

namespace InterceptorBenchmarks;

/// <summary>A request with no middleware (sealed: its calls through ISender are bound).</summary>
public sealed class Ping0 : IRequest<int>
{
}

/// <summary>A request with five no-op layers, closed over it as in Mediator.Benchmarks' PingClosed5.</summary>
public sealed class Ping5 : IRequest<int>
{
}

/// <summary>A notification with one handler and no middleware.</summary>
public sealed class Note : INotification
{
}

[Handler]
public sealed class NoteHandler : INotificationHandler<Note>
{
    public ValueTask Handle(Note notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class Ping0Handler : IRequestHandler<Ping0, int>
{
    public ValueTask<int> Handle(Ping0 request, CancellationToken cancellationToken) => new(42);
}

[Handler]
public sealed class Ping5Handler : IRequestHandler<Ping5, int>
{
    public ValueTask<int> Handle(Ping5 request, CancellationToken cancellationToken) => new(42);
}

public abstract class NoOp : IRequestMiddleware<Ping5, int>
{
    public async ValueTask<int> InvokeAsync<TNext>(Ping5 request, TNext next, MessageContext context)
        where TNext : struct, INext<Ping5, int> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 1)]
public sealed class NoOp1 : NoOp;

[Middleware(Order = 2)]
public sealed class NoOp2 : NoOp;

[Middleware(Order = 3)]
public sealed class NoOp3 : NoOp;

[Middleware(Order = 4)]
public sealed class NoOp4 : NoOp;

[Middleware(Order = 5)]
public sealed class NoOp5 : NoOp;
