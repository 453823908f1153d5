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
    private ServiceProvider _provider = null!;
    private global::PeerMediator3.Generated.Mediator _mediator = null!;
    private IMediator _interface = null!;
    private NoteHandlerA _a = null!;
    private NoteHandlerB _b = null!;
    private NoteHandlerC _c = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = PeerSetup.Build();
        _mediator = _provider.GetRequiredService<global::PeerMediator3.Generated.Mediator>();
        _interface = _provider.GetRequiredService<IMediator>();
        _a = new NoteHandlerA();
        _b = new NoteHandlerB();
        _c = new NoteHandlerC();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    /// <summary>2 publish-side + 3 handler-side layers, by hand: the same code as PublishBenchmarks.HandWritten.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask HandWritten() => await PublishLayer1(_note, default);

    /// <summary>The hand-written fan-out alone: the same code as PublishBenchmarks.HandWritten0.</summary>
    [Benchmark]
    public async ValueTask HandWritten0() => await FanOut0(_note, default);

    /// <summary>The peer's concrete <c>Mediator.Publish(Note)</c>, no middleware (it has none for notifications).</summary>
    [Benchmark]
    public async ValueTask Mediator3_0() => await _mediator.Publish(_note);

    /// <summary>The peer's <c>IMediator.Publish&lt;TNotification&gt;</c>.</summary>
    [Benchmark]
    public async ValueTask Mediator3Interface0() => await _interface.Publish(_note);

    // ---- by hand: two publish-side layers, the fan-out, three layers per handler ----

    private async ValueTask PublishLayer1(Note notification, CancellationToken cancellationToken) => await PublishLayer2(notification, cancellationToken);

    private async ValueTask PublishLayer2(Note notification, CancellationToken cancellationToken) => await FanOut(notification, cancellationToken);

    private async ValueTask FanOut(Note notification, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        try
        {
            await A1(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await B1(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await C1(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }

    private async ValueTask A1(Note notification, CancellationToken cancellationToken) => await A2(notification, cancellationToken);

    private async ValueTask A2(Note notification, CancellationToken cancellationToken) => await A3(notification, cancellationToken);

    private async ValueTask A3(Note notification, CancellationToken cancellationToken) => await _a.Handle(notification, cancellationToken);

    private async ValueTask B1(Note notification, CancellationToken cancellationToken) => await B2(notification, cancellationToken);

    private async ValueTask B2(Note notification, CancellationToken cancellationToken) => await B3(notification, cancellationToken);

    private async ValueTask B3(Note notification, CancellationToken cancellationToken) => await _b.Handle(notification, cancellationToken);

    private async ValueTask C1(Note notification, CancellationToken cancellationToken) => await C2(notification, cancellationToken);

    private async ValueTask C2(Note notification, CancellationToken cancellationToken) => await C3(notification, cancellationToken);

    private async ValueTask C3(Note notification, CancellationToken cancellationToken) => await _c.Handle(notification, cancellationToken);

    // ---- by hand, no layers: the fan-out with the same failure collection ----

    private async ValueTask FanOut0(Note notification, CancellationToken cancellationToken)
    {
        List<Exception>? failures = null;
        try
        {
            await _a.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await _b.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        try
        {
            await _c.Handle(notification, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (failures ??= new List<Exception>()).Add(exception);
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }
}
