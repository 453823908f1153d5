using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

public sealed class Note : INotification
{
}

// Three handlers, each returning a synchronously completed ValueTask, as ours.

public sealed class NoteHandlerA : INotificationHandler<Note>
{
    public ValueTask Handle(Note notification, CancellationToken cancellationToken) => default;
}

public sealed class NoteHandlerB : INotificationHandler<Note>
{
    public ValueTask Handle(Note notification, CancellationToken cancellationToken) => default;
}

public sealed class NoteHandlerC : INotificationHandler<Note>
{
    public ValueTask Handle(Note notification, CancellationToken cancellationToken) => default;
}

/// <summary>
/// martinothamar/Mediator 3.0.2 publishing to three handlers (its default ForeachAwaitPublisher), beside the same
/// hand-written baselines as our PublishBenchmarks: <c>HandWritten</c> (2 publish-side + 3 handler-side async layers,
/// the baseline, so ratios compare across the two runs) and <c>HandWritten0</c> (the fan-out alone). martinothamar/Mediator
/// has no notification middleware (its pipeline behaviors wrap requests, commands and queries only), so its rows run
/// none: compare them with <c>HandWritten0</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class MartinothamarPublishBenchmarks
{
    private readonly Note _note = new();
    private readonly LoadHarness.HandWrittenPublish _handWritten = new();
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

    /// <summary>2 publish-side + 3 handler-side layers, by hand: the same code as PublishBenchmarks.HandWritten.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask HandWritten() => await _handWritten.Run5();

    /// <summary>The hand-written fan-out alone: the same code as PublishBenchmarks.HandWritten0.</summary>
    [Benchmark]
    public async ValueTask HandWritten0() => await _handWritten.Run0();

    /// <summary>The peer's concrete <c>Mediator.Publish(Note)</c>, no middleware (it has none for notifications).</summary>
    [Benchmark]
    public async ValueTask Mediator3_0() => await _mediator.Publish(_note);

    /// <summary>The peer's <c>IMediator.Publish&lt;TNotification&gt;</c>.</summary>
    [Benchmark]
    public async ValueTask Mediator3Interface0() => await _interface.Publish(_note);
}
