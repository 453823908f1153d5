using BenchmarkDotNet.Attributes;
using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Publish to three handlers, each behind its own timeout and circuit breaker. Both hand-written methods nest the same
/// built-in middleware instances (one timeout and one breaker per handler, the breakers registered per handler) by hand
/// with hand-written <c>next</c> structs and collect failures as the generated sequential fan-out does.
/// <c>HandWritten</c> (the baseline) is the fan-out a careful developer writes: handlers whose tasks are already
/// complete are delivered without a state machine, and an <c>async</c> continuation takes over at the first that is not
/// (or that throws). <c>HandWrittenAsync</c> is the plain <c>async</c> fan-out the first figure compared against, kept
/// so the run shows what the synchronous path is worth. <c>Generated</c> is the typed <c>Publish</c> of the generated
/// mediator.
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
    public ValueTask HandWritten() => PublishByHand(_note, default);

    [Benchmark]
    public ValueTask HandWrittenAsync() => PublishByHandAsync(_note, default);

    [Benchmark]
    public ValueTask Generated() => _mediator.Publish(_note);

    /// <summary>
    /// Every handler runs; failures are collected and thrown together. While each handler's task is already complete
    /// no state machine is made; <see cref="ContinueAsync"/> takes over at the first handler that throws or is pending.
    /// </summary>
    private ValueTask PublishByHand(GuardedNote note, CancellationToken token)
    {
        var context = new MessageContext(typeof(GuardedNote), token);
        ValueTask<Unit> task;
        try { task = _a.InvokeAsync(note, context); }
        catch (Exception e) { return ContinueAsync(0, e, default, note, context); }
        if (!task.IsCompletedSuccessfully) return ContinueAsync(0, null, task, note, context);
        _ = task.Result; // releases a pooled IValueTaskSource, as awaiting it would
        try { task = _b.InvokeAsync(note, context); }
        catch (Exception e) { return ContinueAsync(1, e, default, note, context); }
        if (!task.IsCompletedSuccessfully) return ContinueAsync(1, null, task, note, context);
        _ = task.Result;
        try { task = _c.InvokeAsync(note, context); }
        catch (Exception e) { return ContinueAsync(2, e, default, note, context); }
        if (!task.IsCompletedSuccessfully) return ContinueAsync(2, null, task, note, context);
        _ = task.Result;
        return default;
    }

    /// <summary>
    /// The rest of <see cref="PublishByHand"/> from handler <paramref name="from"/>: its pending task is awaited (or its
    /// synchronous <paramref name="error"/> recorded), the handlers after it run in turn, and failures are thrown together.
    /// </summary>
    private async ValueTask ContinueAsync(int from, Exception? error, ValueTask<Unit> pending, GuardedNote note, MessageContext context)
    {
        List<NotificationFailure>? failures = null;
        if (error is null)
        {
            try { await pending; } catch (Exception e) { error = e; }
        }
        if (error is not null) (failures ??= new()).Add(new NotificationFailure(HandlerAt(from), error, 1));
        if (from < 1)
        {
            try { await _b.InvokeAsync(note, context); } catch (Exception e) { (failures ??= new()).Add(new NotificationFailure(typeof(GuardedNoteHandlerB), e, 1)); }
        }
        if (from < 2)
        {
            try { await _c.InvokeAsync(note, context); } catch (Exception e) { (failures ??= new()).Add(new NotificationFailure(typeof(GuardedNoteHandlerC), e, 1)); }
        }
        if (failures is not null) throw new PublishException(typeof(GuardedNote), failures);
    }

    private static Type HandlerAt(int index) => index switch
    {
        0 => typeof(GuardedNoteHandlerA),
        1 => typeof(GuardedNoteHandlerB),
        _ => typeof(GuardedNoteHandlerC),
    };

    /// <summary>The plain fan-out: an <c>async</c> method that awaits each handler in turn, failures collected alike.</summary>
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
