using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.CircuitBreaker;

/// <summary>
/// The stream side of the circuit breaker: an open circuit fails the first read and the handler's stream never opens;
/// a failure while reading counts, a stream read to its end is a success, a caller that cancels or stops early gives
/// no verdict; exactly one probe in half-open. States and counts on a fake clock.
/// </summary>
public sealed class CircuitBreakerStreamTests
{
    public sealed record Feed;

    private static readonly CircuitBreakerAttribute Settings = new() { FailureThreshold = 2, BreakDurationSeconds = 30, ProbeTimeoutSeconds = 10 };

    private readonly FakeTimeProvider _time = new();
    private readonly CircuitBreakerRegistry _registry;
    private readonly StreamHandlerStub _handler = new();

    public CircuitBreakerStreamTests() => _registry = new CircuitBreakerRegistry(_time);

    private CircuitState State => _registry.GetState(typeof(Feed));

    private IAsyncEnumerator<int> Open(int count = 3, int? failAfter = null, CancellationToken cancellationToken = default, CircuitBreakerOptions? options = null)
        => ((IStreamMiddleware<Feed, int>)new CircuitBreakerMiddleware<Feed, int>(Settings, _registry, options ?? new CircuitBreakerOptions()))
            .InvokeAsync(new Feed(), _handler.Next<Feed>(count, failAfter), new MessageContext(typeof(Feed), cancellationToken));

    private Task FailAfterOneItem() => Assert.ThrowsAsync<InvalidOperationException>(() => StreamHandlerStub.ReadAll(Open(failAfter: 1)));

    private async Task Trip()
    {
        await FailAfterOneItem();
        await FailAfterOneItem();
        Assert.Equal(CircuitState.Open, State);
    }

    [Fact]
    public async Task Failures_while_reading_open_the_circuit_and_an_open_circuit_fails_the_first_read_without_opening_the_handler()
    {
        await FailAfterOneItem();
        Assert.Equal(CircuitState.Closed, State);
        await FailAfterOneItem();
        Assert.Equal(CircuitState.Open, State);

        _time.Advance(TimeSpan.FromSeconds(12));
        await using var refused = Open();
        var open = await Assert.ThrowsAsync<CircuitOpenException>(async () => await refused.MoveNextAsync());

        Assert.Equal((TimeSpan.FromSeconds(18), typeof(Feed)), (open.RetryAfter, open.MessageType));
        Assert.Equal(2, _handler.Opened);
    }

    [Fact]
    public async Task A_stream_read_to_its_end_is_a_success_that_resets_the_count_of_failures()
    {
        await FailAfterOneItem();
        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open()));
        await FailAfterOneItem();

        Assert.Equal(CircuitState.Closed, State);
    }

    [Fact]
    public async Task Half_open_admits_exactly_one_probe_stream_held_while_it_is_read_and_its_end_closes_the_circuit()
    {
        await Trip();
        _time.Advance(TimeSpan.FromSeconds(30));

        var probe = Open();
        Assert.True(await probe.MoveNextAsync());
        Assert.Equal(CircuitState.HalfOpen, State);
        for (var i = 0; i < 3; i++)
        {
            await using var other = Open();
            await Assert.ThrowsAsync<CircuitOpenException>(async () => await other.MoveNextAsync());
        }

        while (await probe.MoveNextAsync())
        {
        }

        await probe.DisposeAsync();
        Assert.Equal(CircuitState.Closed, State);
        Assert.Equal(1, _registry.GetPeakConcurrentProbes(typeof(Feed)));
        Assert.Equal(3, _handler.Opened);
    }

    [Fact]
    public async Task A_probe_that_fails_after_some_items_opens_the_circuit_for_a_full_break_again()
    {
        await Trip();
        _time.Advance(TimeSpan.FromSeconds(30));

        await FailAfterOneItem();

        Assert.Equal(CircuitState.Open, State);
        await using var refused = Open();
        Assert.Equal(TimeSpan.FromSeconds(30), (await Assert.ThrowsAsync<CircuitOpenException>(async () => await refused.MoveNextAsync())).RetryAfter);
    }

    [Fact]
    public async Task Cancellation_between_items_and_a_dispose_before_the_end_are_no_verdict_and_free_the_probe_slot_at_once()
    {
        await Trip();
        _time.Advance(TimeSpan.FromSeconds(30));

        using var caller = new CancellationTokenSource();
        await using (var cancelled = Open(cancellationToken: caller.Token))
        {
            Assert.True(await cancelled.MoveNextAsync());
            caller.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled.MoveNextAsync());
        }

        Assert.Equal(CircuitState.HalfOpen, State);
        var stopped = Open(); // admitted as the next probe at once, not after the probe timeout
        Assert.True(await stopped.MoveNextAsync());
        await stopped.DisposeAsync();

        Assert.Equal(CircuitState.HalfOpen, State);
        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open()));
        Assert.Equal(CircuitState.Closed, State);
        Assert.Equal(1, _registry.GetPeakConcurrentProbes(typeof(Feed)));
    }

    [Fact]
    public async Task A_failure_the_options_do_not_count_neither_opens_nor_resets_and_an_already_cancelled_caller_never_opens_the_handler()
    {
        var options = new CircuitBreakerOptions { IsFailure = e => e is not InvalidOperationException };
        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => StreamHandlerStub.ReadAll(Open(failAfter: 1, options: options)));
        Assert.Equal(CircuitState.Closed, State);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamHandlerStub.ReadAll(Open(cancellationToken: new CancellationToken(true))));
        Assert.Equal(3, _handler.Opened);
    }
}
