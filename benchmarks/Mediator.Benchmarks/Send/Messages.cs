using Mediator;

namespace MediatorBenchmarks;

/// <summary>Requests carrying this marker get the first no-op layer.</summary>
public interface IOneLayer
{
}

/// <summary>Requests carrying this marker get all five no-op layers.</summary>
public interface IFiveLayers : IOneLayer
{
}

public sealed class Ping0 : IRequest<int>
{
}

public sealed class Ping1 : IRequest<int>, IOneLayer
{
}

public sealed class Ping5 : IRequest<int>, IFiveLayers
{
}

/// <summary>One handler for all three requests, so that only the pipeline differs between benchmarks.</summary>
[Handler]
public sealed class PingHandler : IRequestHandler<Ping0, int>, IRequestHandler<Ping1, int>, IRequestHandler<Ping5, int>
{
    public ValueTask<int> Handle(Ping0 request, CancellationToken cancellationToken) => new(42);

    public ValueTask<int> Handle(Ping1 request, CancellationToken cancellationToken) => new(42);

    public ValueTask<int> Handle(Ping5 request, CancellationToken cancellationToken) => new(42);
}
