using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.CircuitBreaker;

public sealed record Charge(int Id);

public sealed record Refund(int Id);

public sealed class CircuitBreakerMiddlewareTests
{
    private static readonly CircuitBreakerAttribute Settings = new() { FailureThreshold = 3, BreakDurationSeconds = 30, ProbeTimeoutSeconds = 10 };

    private readonly FakeTimeProvider _time = new();
    private readonly CircuitBreakerRegistry _registry;
    private int _calls;

    public CircuitBreakerMiddlewareTests() => _registry = new CircuitBreakerRegistry(_time);

    private CircuitBreakerMiddleware<TMessage, int> Create<TMessage>(CircuitBreakerOptions? options = null)
        => new(Settings, _registry, options ?? new CircuitBreakerOptions());

    private ValueTask<int> Send<TMessage>(CircuitBreakerMiddleware<TMessage, int> middleware, TMessage message, Func<TMessage, MessageContext, ValueTask<int>> handler, CancellationToken token = default)
        => middleware.InvokeAsync(message, new TestNext<TMessage, int>((m, c) =>
        {
            Interlocked.Increment(ref _calls);
            return handler(m, c);
        }), new MessageContext(typeof(TMessage), token));

    private static ValueTask<int> Fail<T>(T message, MessageContext context) => ValueTask.FromException<int>(new InvalidOperationException("down"));

    private static ValueTask<int> Succeed<T>(T message, MessageContext context) => new(1);

    private async Task Trip(CircuitBreakerMiddleware<Charge, int> middleware)
    {
        for (var i = 0; i < Settings.FailureThreshold; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(middleware, new Charge(i), Fail).AsTask());
        }
    }

    [Fact]
    public async Task It_opens_after_N_consecutive_failures_and_refuses_without_calling_the_handler()
    {
        var middleware = Create<Charge>();
        await Trip(middleware);
        Assert.Equal(CircuitState.Open, _registry.GetState(typeof(Charge)));

        _time.Advance(TimeSpan.FromSeconds(12));
        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => Send(middleware, new Charge(9), Succeed).AsTask());

        Assert.Equal(TimeSpan.FromSeconds(18), refused.RetryAfter);
        Assert.Equal(typeof(Charge), refused.MessageType);
        Assert.Equal(3, _calls);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_consecutive_failures()
    {
        var middleware = Create<Charge>();
        for (var round = 0; round < 2; round++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(middleware, new Charge(1), Fail).AsTask());
            await Assert.ThrowsAsync<InvalidOperationException>(() => Send(middleware, new Charge(2), Fail).AsTask());
            Assert.Equal(1, await Send(middleware, new Charge(3), Succeed));
        }

        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Charge)));
    }

    [Fact]
    public async Task After_the_break_a_successful_probe_closes_the_circuit()
    {
        var middleware = Create<Charge>();
        await Trip(middleware);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(1, await Send(middleware, new Charge(1), Succeed));

        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Charge)));
        Assert.Equal(1, await Send(middleware, new Charge(2), Succeed));
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_for_a_full_break_again()
    {
        var middleware = Create<Charge>();
        await Trip(middleware);
        _time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(middleware, new Charge(1), Fail).AsTask());

        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => Send(middleware, new Charge(2), Succeed).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
        Assert.Equal(4, _calls);
    }

    [Fact]
    public async Task One_hundred_concurrent_sends_in_half_open_invoke_the_handler_exactly_once()
    {
        var middleware = Create<Charge>();
        await Trip(middleware);
        _time.Advance(TimeSpan.FromSeconds(30));
        _calls = 0;

        var probeEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseProbe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var allRefused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var refused = 0;

        async Task<int> GatedProbe(Charge message, MessageContext context)
        {
            probeEntered.TrySetResult();
            await releaseProbe.Task;
            return 1;
        }

        async Task<bool> SendOne(int i)
        {
            try
            {
                await Send(middleware, new Charge(i), (m, c) => new ValueTask<int>(GatedProbe(m, c)));
                return true;
            }
            catch (CircuitOpenException)
            {
                if (Interlocked.Increment(ref refused) == 99)
                {
                    allRefused.TrySetResult();
                }

                return false;
            }
        }

        var sends = Enumerable.Range(0, 100).Select(i => Task.Run(() => SendOne(i))).ToArray();
        await probeEntered.Task;
        await allRefused.Task;
        releaseProbe.SetResult();
        var outcomes = await Task.WhenAll(sends);

        Assert.Equal(1, _calls);
        Assert.Equal(1, outcomes.Count(succeeded => succeeded));
        Assert.Equal(99, refused);
        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Charge)));
        Assert.Equal(1, _registry.GetPeakConcurrentProbes(typeof(Charge)));
    }

    [Fact]
    public async Task A_cancelled_probe_frees_the_slot_for_the_next_send()
    {
        var middleware = Create<Charge>();
        await Trip(middleware);
        _time.Advance(TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource();

        var probe = Send(middleware, new Charge(1), async (_, c) =>
        {
            await Task.Delay(System.Threading.Timeout.Infinite, c.CancellationToken);
            return 0;
        }, caller.Token);
        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => probe.AsTask());

        Assert.Equal(1, await Send(middleware, new Charge(2), Succeed));
        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Charge)));
    }

    [Fact]
    public async Task A_probe_that_never_finishes_is_given_up_after_the_probe_timeout_and_its_late_failure_changes_nothing()
    {
        var middleware = Create<Charge>();
        await Trip(middleware);
        _time.Advance(TimeSpan.FromSeconds(30));
        var hung = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var stuckProbe = Send(middleware, new Charge(1), (_, _) => new ValueTask<int>(hung.Task));
        _time.Advance(TimeSpan.FromSeconds(4));
        var refused = await Assert.ThrowsAsync<CircuitOpenException>(() => Send(middleware, new Charge(2), Succeed).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(6), refused.RetryAfter);

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await Send(middleware, new Charge(3), Succeed));

        hung.SetException(new InvalidOperationException("finally failed"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => stuckProbe.AsTask());
        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Charge)));
        // The given-up probe was still running when the next one was admitted: the registry's count sees both.
        Assert.Equal(2, _registry.GetPeakConcurrentProbes(typeof(Charge)));
    }

    [Fact]
    public async Task The_callers_cancellation_and_uncounted_errors_do_not_trip_the_breaker()
    {
        var middleware = Create<Charge>(new CircuitBreakerOptions { IsFailure = e => e is not ArgumentException });
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Send(middleware, new Charge(i), (_, _) => ValueTask.FromException<int>(new ArgumentException("bad input"))).AsTask());
            using var caller = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(middleware, new Charge(i), (_, _) =>
            {
                caller.Cancel();
                return ValueTask.FromException<int>(new OperationCanceledException(caller.Token));
            }, caller.Token).AsTask());
        }

        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Charge)));
    }

    [Fact]
    public async Task Each_message_type_has_its_own_breaker()
    {
        await Trip(Create<Charge>());

        Assert.Equal(1, await Send(Create<Refund>(), new Refund(1), Succeed));
        Assert.Equal(CircuitState.Open, _registry.GetState(typeof(Charge)));
        Assert.Equal(CircuitState.Closed, _registry.GetState(typeof(Refund)));
    }
}
