using BenchmarkDotNet.Attributes;
using Mediator.BuiltIns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamBuiltInBenchmarks;

/// <summary>
/// A stream of three items through logging + authorization + metrics + timeout: ours (the generated stream pipeline
/// over the built-ins, read through <c>CreateStream</c>) against the same concerns written by hand around the same
/// handler. <see cref="NullLoggerFactory"/> and no metrics listener on both sides, the same signed-in clerk.
/// </summary>
[MemoryDiagnoser]
public class StreamBuiltInsBenchmarks
{
    private ServiceProvider _services = null!;
    private Mediator _mediator = null!;
    private HandWrittenFeed _handWritten = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<ICallerAccessor, ClerkCaller>();
        services.AddMediatorLogging().AddMediatorAuthorization().AddMediatorMetrics().AddMediatorTimeout().AddMediator();
        services.AddSingleton<HandWrittenFeed>();
        _services = services.BuildServiceProvider();
        _mediator = _services.GetRequiredService<Mediator>();
        _handWritten = _services.GetRequiredService<HandWrittenFeed>();

        // Both read the same three items before anything is measured.
        if (await HandWritten() != 3 || await Ours() != 3) throw new InvalidOperationException("wrong answer");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public async Task<int> HandWritten()
    {
        var sum = 0;
        await foreach (var item in _handWritten.Stream(new Feed(3))) sum += item;
        return sum;
    }

    [Benchmark]
    public async Task<int> Ours()
    {
        var sum = 0;
        await foreach (var item in _mediator.CreateStream(new Feed(3))) sum += item;
        return sum;
    }
}
