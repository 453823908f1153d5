using BenchmarkDotNet.Attributes;
using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Publish to three handlers, each behind its own timeout and circuit breaker. <c>HandWritten</c> nests the same
/// built-in middleware instances (one timeout and one breaker per handler, the breakers registered per handler) by hand
/// with hand-written <c>next</c> structs and collects failures as the generated sequential fan-out does;
/// <c>Generated</c> is the typed <c>Publish</c> of the generated mediator.
/// </summary>
[MemoryDiagnoser]
// No job attribute: the job comes from the command line (benchmarks/run-all.sh passes one).
public class PublishResilienceBenchmarks
{
    private readonly GuardedNote _note = new();
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;
    private Guarded<GuardedNoteHandlerA> _a;
    private Guarded<GuardedNoteHandlerB> _b;
    private Guarded<GuardedNoteHandlerC> _c;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediatorTimeout().AddMediatorCircuitBreaker().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
        _a = Guarded<GuardedNoteHandlerA>.Create(_provider);
        _b = Guarded<GuardedNoteHandlerB>.Create(_provider);
        _c = Guarded<GuardedNoteHandlerC>.Create(_provider);
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask HandWritten() => PublishByHandAsync(_note, default);

    [Benchmark]
    public ValueTask Generated() => _mediator.Publish(_note);

    /// <summary>Every handler runs; failures are collected and thrown together, as the generated fan-out does.</summary>
    private async ValueTask PublishByHandAsync(GuardedNote note, CancellationToken token)
    {
        var context = new MessageContext(typeof(GuardedNote), token);
        List<NotificationFailure>? failures = null;
        try { await _a.InvokeAsync(note, context); } catch (Exception e) { (failures ??= new()).Add(new NotificationFailure(typeof(GuardedNoteHandlerA), e, 1)); }
        try { await _b.InvokeAsync(note, context); } catch (Exception e) { (failures ??= new()).Add(new NotificationFailure(typeof(GuardedNoteHandlerB), e, 1)); }
        try { await _c.InvokeAsync(note, context); } catch (Exception e) { (failures ??= new()).Add(new NotificationFailure(typeof(GuardedNoteHandlerC), e, 1)); }
        if (failures is not null) throw new PublishException(typeof(GuardedNote), failures);
    }

    /// <summary>One handler behind its own timeout, then its own breaker, nested by hand.</summary>
    private struct Guarded<THandler>
        where THandler : class, INotificationHandler<GuardedNote>
    {
        private TimeoutMiddleware<GuardedNote, Unit> _timeout;
        private CircuitBreakerMiddleware<GuardedNote, Unit> _breaker;
        private THandler _handler;

        public static Guarded<THandler> Create(IServiceProvider services) => new()
        {
            _timeout = new(new TimeoutAttribute { Milliseconds = 30_000 }, services.GetRequiredService<TimeProvider>()),
            _breaker = new(
                new CircuitBreakerAttribute { FailureThreshold = 5, BreakDurationSeconds = 30 },
                services.GetRequiredService<CircuitBreakerRegistry>(),
                services.GetRequiredService<CircuitBreakerOptions>(),
                new HandlerIdentity(typeof(THandler))),
            _handler = services.GetRequiredService<THandler>(),
        };

        public readonly ValueTask<Unit> InvokeAsync(GuardedNote note, MessageContext context)
            => _timeout.InvokeAsync(note, new BreakerStep(_breaker, _handler), context);

        private readonly struct BreakerStep(CircuitBreakerMiddleware<GuardedNote, Unit> breaker, THandler handler) : INext<GuardedNote, Unit>
        {
            public ValueTask<Unit> InvokeAsync(GuardedNote message, MessageContext context)
                => breaker.InvokeAsync(message, new HandlerStep(handler), context);
        }

        private readonly struct HandlerStep(THandler handler) : INext<GuardedNote, Unit>
        {
            public ValueTask<Unit> InvokeAsync(GuardedNote message, MessageContext context)
            {
                var task = handler.Handle(message, context.CancellationToken);
                return task.IsCompletedSuccessfully ? default : AwaitAsync(task);
            }

            private static async ValueTask<Unit> AwaitAsync(ValueTask task)
            {
                await task;
                return default;
            }
        }
    }
}
