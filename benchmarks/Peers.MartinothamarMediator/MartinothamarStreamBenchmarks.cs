using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

public sealed class Count3 : IStreamRequest<int>
{
}

/// <summary>An async iterator yielding 1, 2, 3 without suspending, as ours.</summary>
public sealed class CountHandler : IStreamRequestHandler<Count3, int>
{
    public IAsyncEnumerable<int> Handle(Count3 request, CancellationToken cancellationToken) => Items(cancellationToken);

    public static async IAsyncEnumerable<int> Items([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return 1;
        yield return 2;
        yield return 3;
        await Task.CompletedTask;
    }
}

// The same no-op stream layer as ours: an async iterator that re-yields every item of next, nothing else.
public abstract class StreamNoOp<TMessage, TResponse> : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : IStreamMessage
{
    public async IAsyncEnumerable<TResponse> Handle(TMessage message, StreamHandlerDelegate<TMessage, TResponse> next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in next(message, cancellationToken))
        {
            yield return item;
        }
    }
}

public sealed class StreamNoOp1<TMessage, TResponse> : StreamNoOp<TMessage, TResponse> where TMessage : IStreamMessage;

public sealed class StreamNoOp2<TMessage, TResponse> : StreamNoOp<TMessage, TResponse> where TMessage : IStreamMessage;

public sealed class StreamNoOp3<TMessage, TResponse> : StreamNoOp<TMessage, TResponse> where TMessage : IStreamMessage;

/// <summary>
/// martinothamar/Mediator 3.0.2: a 3-item stream through three no-op <c>IStreamPipelineBehavior</c>s, fully consumed,
/// beside the same hand-written baseline as our StreamBenchmarks (three nested async iterators around the handler's).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class MartinothamarStreamBenchmarks
{
    private readonly Count3 _count3 = new();
    private readonly LoadHarness.HandWrittenStream _handWritten = new();
    private ServiceProvider _provider = null!;
    private global::PeerMediator3.Generated.Mediator _mediator = null!;
    private IMediator _interface = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = PeerSetup.Build();
        _mediator = _provider.GetRequiredService<global::PeerMediator3.Generated.Mediator>();
        _interface = _provider.GetRequiredService<IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    /// <summary>Three nested hand-written async iterators around the handler's: the same code as StreamBenchmarks.HandWritten.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask<int> HandWritten() => await Sum(_handWritten.Run3());

    /// <summary>The peer's concrete <c>Mediator.CreateStream(Count3)</c> through three stream behaviors.</summary>
    [Benchmark]
    public async ValueTask<int> Mediator3_3() => await Sum(_mediator.CreateStream(_count3));

    /// <summary>The peer's <c>IMediator.CreateStream&lt;TResponse&gt;</c>.</summary>
    [Benchmark]
    public async ValueTask<int> Mediator3Interface3() => await Sum(_interface.CreateStream(_count3));

    private static ValueTask<int> Sum(IAsyncEnumerable<int> stream) => LoadHarness.HandWrittenStream.Sum(stream);
}
