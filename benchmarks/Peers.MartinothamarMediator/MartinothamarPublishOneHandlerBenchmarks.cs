using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3;

/// <summary>Published to exactly one handler.</summary>
public sealed class SoloNote : INotification
{
}

public sealed class SoloNoteHandler : INotificationHandler<SoloNote>
{
    public ValueTask Handle(SoloNote notification, CancellationToken cancellationToken) => default;
}

/// <summary>Publish to one handler through martinothamar/Mediator 3.0.2's concrete Mediator, beside the handler awaited
/// directly (the same baseline as our PublishOneHandlerBenchmarks).</summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/run-all.sh passes one; an attribute job would run
// beside it, not instead of it), BenchmarkDotNet's default job otherwise.
public class MartinothamarPublishOneHandlerBenchmarks
{
    private readonly SoloNote _note = new();
    private ServiceProvider _provider = null!;
    private global::PeerMediator3.Generated.Mediator _mediator = null!;
    private SoloNoteHandler _handler = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = PeerSetup.Build();
        _mediator = _provider.GetRequiredService<global::PeerMediator3.Generated.Mediator>();
        _handler = new SoloNoteHandler();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask HandWritten() => await _handler.Handle(_note, default);

    [Benchmark]
    public async ValueTask Mediator3() => await _mediator.Publish(_note);
}
