using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Publish to three handlers through two publish-side and three handler-side no-op async middlewares, against the same
/// shape written by hand (the limit): two nested async layers around a sequential fan-out that calls, for each handler,
/// three nested async layers and then the handler, inside a try/catch that collects failures into a lazily created list
/// and throws once all have run, as the generated pipeline does. Without middleware: the generated Publish against the
/// hand-written fan-out alone. MediatR 5.1.0 publishes to three handlers in the same run; it has no notification
/// middleware, so its row has none. Every benchmark method is <c>async</c> and awaits its call.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 2, warmupCount: 6, iterationCount: 20)]
public class PublishBenchmarks
{
    private readonly Note0 _note0 = new();
    private readonly Note5 _note5 = new();
    private readonly NoteClosed _noteClosed = new();
    private readonly MrNote _mrNote = new();
    private ServiceProvider _provider = null!;
    private ServiceProvider _mediatRProvider = null!;
    private Mediator _mediator = null!;
    private global::Mediator.IMediator _interface = null!;
    private global::MediatR.IMediator _mediatR = null!;
    private NoteHandlerA _a = null!;
    private NoteHandlerB _b = null!;
    private NoteHandlerC _c = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _interface = _provider.GetRequiredService<global::Mediator.IMediator>();
        _a = _provider.GetRequiredService<NoteHandlerA>();
        _b = _provider.GetRequiredService<NoteHandlerB>();
        _c = _provider.GetRequiredService<NoteHandlerC>();
        _mediatRProvider = MediatRPublishSetup.Build();
        _mediatR = _mediatRProvider.GetRequiredService<global::MediatR.IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _mediatRProvider.Dispose();
    }

    /// <summary>2 publish-side + 3 handler-side layers, by hand.</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask HandWritten() => await PublishLayer1(_note5, default);

    /// <summary>The generated typed <c>Publish(Note5)</c>: the same 2 + 3 layers as middlewares.</summary>
    [Benchmark]
    public async ValueTask Generated() => await _mediator.Publish(_note5);

    /// <summary>The same 2 + 3 layers as non-generic middleware classes closed over the notification, like the hand-written layers.</summary>
    [Benchmark]
    public async ValueTask GeneratedClosed() => await _mediator.Publish(_noteClosed);

    /// <summary>The same through <c>Mediator.IMediator.Publish&lt;TNotification&gt;</c>.</summary>
    [Benchmark]
    public async ValueTask GeneratedInterface() => await _interface.Publish(_note5);

    /// <summary>The hand-written fan-out alone: no layers.</summary>
    [Benchmark]
    public async ValueTask HandWritten0() => await FanOut0(_note0, default);

    /// <summary>The generated typed <c>Publish(Note0)</c>: no middleware.</summary>
    [Benchmark]
    public async ValueTask Generated0() => await _mediator.Publish(_note0);

    /// <summary>MediatR 5.1.0 <c>IMediator.Publish</c> to three handlers; MediatR has no notification middleware.</summary>
    [Benchmark]
    public async ValueTask MediatR0() => await _mediatR.Publish(_mrNote);

    // ---- by hand: two publish-side layers, the fan-out, three layers per handler ----

    private async ValueTask PublishLayer1(Note5 notification, CancellationToken cancellationToken) => await PublishLayer2(notification, cancellationToken);

    private async ValueTask PublishLayer2(Note5 notification, CancellationToken cancellationToken) => await FanOut(notification, cancellationToken);

    private async ValueTask FanOut(Note5 notification, CancellationToken cancellationToken)
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

    private async ValueTask A1(Note5 notification, CancellationToken cancellationToken) => await A2(notification, cancellationToken);

    private async ValueTask A2(Note5 notification, CancellationToken cancellationToken) => await A3(notification, cancellationToken);

    private async ValueTask A3(Note5 notification, CancellationToken cancellationToken) => await _a.Handle(notification, cancellationToken);

    private async ValueTask B1(Note5 notification, CancellationToken cancellationToken) => await B2(notification, cancellationToken);

    private async ValueTask B2(Note5 notification, CancellationToken cancellationToken) => await B3(notification, cancellationToken);

    private async ValueTask B3(Note5 notification, CancellationToken cancellationToken) => await _b.Handle(notification, cancellationToken);

    private async ValueTask C1(Note5 notification, CancellationToken cancellationToken) => await C2(notification, cancellationToken);

    private async ValueTask C2(Note5 notification, CancellationToken cancellationToken) => await C3(notification, cancellationToken);

    private async ValueTask C3(Note5 notification, CancellationToken cancellationToken) => await _c.Handle(notification, cancellationToken);

    // ---- by hand, no layers: the fan-out with the same failure collection ----

    private async ValueTask FanOut0(Note0 notification, CancellationToken cancellationToken)
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
