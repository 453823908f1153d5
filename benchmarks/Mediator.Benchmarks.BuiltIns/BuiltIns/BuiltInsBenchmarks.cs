using BenchmarkDotNet.Attributes;
using Mediator.BuiltIns;
using Mediator.Transactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BuiltInBenchmarks;

/// <summary>
/// Eleven concerns on one request, happy path: ours (the generated pipeline over the built-ins) against MediatR 5.1.0
/// behaviours + Polly.Core + System.Threading.RateLimiting + IMemoryCache. A miss sends a new id every call (a new
/// cache key); a hit sends the same id.
/// </summary>
[MemoryDiagnoser]
public class BuiltInsBenchmarks
{
    private ServiceProvider _ours = null!;
    private ServiceProvider _theirs = null!;
    private Mediator _mediator = null!;
    private MediatR.IMediator _mediatr = null!;
    private int _id;

    [GlobalSetup]
    public async Task Setup()
    {
        var ours = new ServiceCollection();
        ours.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        ours.AddSingleton<ICallerAccessor, ClerkCaller>();
        ours.AddMediatorLogging().AddMediatorAuthorization().AddMediatorMetrics().AddMediatorRateLimit(o => o.TokenLimit = o.TokensPerPeriod = int.MaxValue)
            .AddMediatorBulkhead().AddMediatorCaching(o => o.SizeLimit = 10_000).AddMediatorRetry().AddMediatorTimeout().AddMediatorCircuitBreaker()
            .AddMediatorInMemoryTransactions().AddMediator();
        _ours = ours.BuildServiceProvider();
        _mediator = _ours.GetRequiredService<Mediator>();

        var theirs = new ServiceCollection();
        theirs.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        theirs.AddSingleton(TimeProvider.System);
        theirs.AddSingleton<ICallerAccessor, ClerkCaller>();
        theirs.AddSingleton<TheirInstruments>();
        theirs.AddSingleton<TheirLimiters>();
        theirs.AddMemoryCache(o => o.SizeLimit = 10_000);
        theirs.AddSingleton<ITransactionManager, InMemoryTransactionManager>();
        theirs.AddSingleton<MediatR.ServiceFactory>(provider => provider.GetService!);
        theirs.AddSingleton<MediatR.IMediator, MediatR.Mediator>();
        theirs.AddSingleton<MediatR.IRequestHandler<TheirQuery, int>, TheirQueryHandler>();
        foreach (var behaviour in new[]
                 {
                     typeof(TheirLogging<,>), typeof(TheirValidation<,>), typeof(TheirAuthorization<,>), typeof(TheirMetrics<,>), typeof(TheirRateLimit<,>),
                     typeof(TheirBulkhead<,>), typeof(TheirCaching<,>), typeof(TheirResilience<,>), typeof(TheirTransaction<,>),
                 })
            theirs.AddSingleton(typeof(MediatR.IPipelineBehavior<,>), behaviour);
        _theirs = theirs.BuildServiceProvider();
        _mediatr = _theirs.GetRequiredService<MediatR.IMediator>();

        // Both answer correctly before anything is measured, and the hit key is cached.
        if (await _mediator.Send(new OursQuery(-7 + 8)) != 1 || await _mediatr.Send(new TheirQuery(1)) != 1) throw new InvalidOperationException("wrong answer");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ours.Dispose();
        _theirs.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("miss")]
    public ValueTask<int> Theirs_miss() => new(_mediatr.Send(new TheirQuery(2 + Interlocked.Increment(ref _id))));

    [Benchmark]
    [BenchmarkCategory("miss")]
    public ValueTask<int> Ours_miss() => _mediator.Send(new OursQuery(2 + Interlocked.Increment(ref _id)));

    [Benchmark]
    [BenchmarkCategory("hit")]
    public ValueTask<int> Theirs_hit() => new(_mediatr.Send(new TheirQuery(1)));

    [Benchmark]
    [BenchmarkCategory("hit")]
    public ValueTask<int> Ours_hit() => _mediator.Send(new OursQuery(1));
}
