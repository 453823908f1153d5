using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Publish to one handler, no middleware (beside PublishBenchmarks' three handlers): the handler awaited directly, our
/// typed Publish, MediatR 5.1.0. martinothamar/Mediator's row is MartinothamarPublishOneHandlerBenchmarks.
/// </summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/run-all.sh passes one; an attribute job would run
// beside it, not instead of it), BenchmarkDotNet's default job otherwise.
public class PublishOneHandlerBenchmarks
{
    private readonly SoloNote _note = new();
    private readonly MrSoloNote _mrNote = new();
    private ServiceProvider _provider = null!;
    private ServiceProvider _mediatRProvider = null!;
    private Mediator _mediator = null!;
    private SoloNoteHandler _handler = null!;
    private global::MediatR.IMediator _mediatR = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _handler = _provider.GetRequiredService<SoloNoteHandler>();
        var services = new ServiceCollection();
        services.AddSingleton<global::MediatR.ServiceFactory>(provider => provider.GetService!);
        services.AddSingleton<global::MediatR.IMediator, global::MediatR.Mediator>();
        services.AddSingleton<global::MediatR.INotificationHandler<MrSoloNote>, MrSoloNoteHandler>();
        _mediatRProvider = services.BuildServiceProvider();
        _mediatR = _mediatRProvider.GetRequiredService<global::MediatR.IMediator>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _mediatRProvider.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async ValueTask HandWritten() => await _handler.Handle(_note, default);

    [Benchmark]
    public async ValueTask Generated() => await _mediator.Publish(_note);

    [Benchmark]
    public async ValueTask MediatR() => await _mediatR.Publish(_mrNote);
}
