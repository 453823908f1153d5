using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Publish to three handlers through two publish-side and three handler-side no-op async middlewares, against the same
/// shape written by hand (the limit, <c>LoadHarness.HandWrittenPublish</c>, one file linked into this project and the
/// martinothamar/Mediator one): two nested async layers around a sequential fan-out that calls, for each handler,
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
    private readonly LoadHarness.HandWrittenPublish _handWritten = new();
    private ServiceProvider _provider = null!;
    private ServiceProvider _mediatRProvider = null!;
    private Mediator _mediator = null!;
    private global::Mediator.IMediator _interface = null!;
    private global::MediatR.IMediator _mediatR = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _interface = _provider.GetRequiredService<global::Mediator.IMediator>();
        _mediatRProvider = MediatRPublishSetup.Build();
        _mediatR = _mediatRProvider.GetRequiredService<global::MediatR.IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _mediatRProvider.Dispose();
    }

    /// <summary>2 publish-side + 3 handler-side layers, by hand (benchmarks/LoadHarness/HandWrittenPublish.cs, shared with the peer project).</summary>
    [Benchmark(Baseline = true)]
    public async ValueTask HandWritten() => await _handWritten.Run5();

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
    public async ValueTask HandWritten0() => await _handWritten.Run0();

    /// <summary>The generated typed <c>Publish(Note0)</c>: no middleware.</summary>
    [Benchmark]
    public async ValueTask Generated0() => await _mediator.Publish(_note0);

    /// <summary>MediatR 5.1.0 <c>IMediator.Publish</c> to three handlers; MediatR has no notification middleware.</summary>
    [Benchmark]
    public async ValueTask MediatR0() => await _mediatR.Publish(_mrNote);
}
