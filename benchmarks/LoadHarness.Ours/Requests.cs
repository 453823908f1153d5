using Mediator;

namespace LoadHarness.Ours;

// One request type per case of the seed's table; marker interfaces pick the middlewares (Middlewares.cs).

public interface IOneNoOp;

public interface IFiveNoOps : IOneNoOp;

public interface IFiveBlocking;

public interface IFiveDelays
{
    int DelayMilliseconds { get; }
}

public sealed class HelloBaseline : IRequest<byte[]>;

public sealed class HelloNoOp1 : IRequest<byte[]>, IOneNoOp;

public sealed class HelloNoOp5 : IRequest<byte[]>, IFiveNoOps;

public sealed class HelloBlocking5 : IRequest<byte[]>, IFiveBlocking;

public sealed class HelloDelay10x5 : IRequest<byte[]>, IFiveDelays
{
    public int DelayMilliseconds => LoadCases.ShortDelayMs;
}

public sealed class HelloDelay100x5 : IRequest<byte[]>, IFiveDelays
{
    public int DelayMilliseconds => LoadCases.LongDelayMs;
}

/// <summary>The seed's endpoint, for every case: serialize {"Hello": "World"}.</summary>
[Handler]
public sealed class HelloHandler :
    IRequestHandler<HelloBaseline, byte[]>,
    IRequestHandler<HelloNoOp1, byte[]>,
    IRequestHandler<HelloNoOp5, byte[]>,
    IRequestHandler<HelloBlocking5, byte[]>,
    IRequestHandler<HelloDelay10x5, byte[]>,
    IRequestHandler<HelloDelay100x5, byte[]>
{
    public ValueTask<byte[]> Handle(HelloBaseline request, CancellationToken cancellationToken) => new(HelloWorldResponse.Serialize());

    public ValueTask<byte[]> Handle(HelloNoOp1 request, CancellationToken cancellationToken) => new(HelloWorldResponse.Serialize());

    public ValueTask<byte[]> Handle(HelloNoOp5 request, CancellationToken cancellationToken) => new(HelloWorldResponse.Serialize());

    public ValueTask<byte[]> Handle(HelloBlocking5 request, CancellationToken cancellationToken) => new(HelloWorldResponse.Serialize());

    public ValueTask<byte[]> Handle(HelloDelay10x5 request, CancellationToken cancellationToken) => new(HelloWorldResponse.Serialize());

    public ValueTask<byte[]> Handle(HelloDelay100x5 request, CancellationToken cancellationToken) => new(HelloWorldResponse.Serialize());
}
