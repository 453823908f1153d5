using Mediator;

namespace MediatorBenchmarks;

/// <summary>
/// The same request and five no-op layers as <see cref="Ping5"/>, but the layers are classes closed over this request
/// (not generic), as the hand-written layers are: the JIT compiles each for this request alone instead of as code
/// shared by every reference type. Separates the runtime's cost of generic middleware from the generated code's.
/// </summary>
public sealed class PingClosed5 : IRequest<int>
{
}

[Handler]
public sealed class PingClosedHandler : IRequestHandler<PingClosed5, int>
{
    public ValueTask<int> Handle(PingClosed5 request, CancellationToken cancellationToken) => new(42);
}

public abstract class ClosedNoOp : IRequestMiddleware<PingClosed5, int>
{
    public async ValueTask<int> InvokeAsync<TNext>(PingClosed5 request, TNext next, MessageContext context)
        where TNext : struct, INext<PingClosed5, int> => await next.InvokeAsync(request, context);
}

[Middleware(Order = 1)]
public sealed class ClosedNoOp1 : ClosedNoOp;

[Middleware(Order = 2)]
public sealed class ClosedNoOp2 : ClosedNoOp;

[Middleware(Order = 3)]
public sealed class ClosedNoOp3 : ClosedNoOp;

[Middleware(Order = 4)]
public sealed class ClosedNoOp4 : ClosedNoOp;

[Middleware(Order = 5)]
public sealed class ClosedNoOp5 : ClosedNoOp;
