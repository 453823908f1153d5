using System.Diagnostics.Metrics;
using Mediator.Metrics;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Testing;
using Mediator.Transactions;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BuiltInsTests;

/// <summary>Each built-in in a generated pipeline receives the values written on the message's attribute.</summary>
public sealed class AttributeValuesTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLoggerFactory _logs = new();

    [Fact]
    public async Task A_cached_answer_is_served_to_the_same_user_and_never_to_another()
    {
        using var client = BuiltInsHost.Client(_time, _logs);

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));
        Assert.Equal("alice:1:1", await client.Send(new FullRequest(1)));
        Assert.Equal("alice:1:1", await client.Send(new FullRequest(1)));

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("bob", "clerk"));
        Assert.Equal("bob:1:2", await client.Send(new FullRequest(1)));
    }

    [Fact]
    public async Task The_cache_keeps_an_answer_for_the_attributes_duration_and_no_longer()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));

        Assert.Equal("alice:1:1", await client.Send(new FullRequest(1)));
        _time.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal("alice:1:1", await client.Send(new FullRequest(1)));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("alice:1:2", await client.Send(new FullRequest(1)));
    }

    [Fact]
    public async Task An_invalid_message_is_rejected_by_validation_before_authorization_and_the_handler()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        AsyncLocalCallerAccessor.SignIn(null);

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await client.Send(new FullRequest(-1)));

        Assert.Contains(error.Errors, e => e.Member == "Id");
        Assert.Equal(0, Probe(client).Calls);
    }

    [Fact]
    public async Task Retry_runs_the_handler_as_many_times_as_the_attribute_allows()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        Probe(client).InjectFault = () => true;

        var send = client.Send(new RetriedCommand(1)).AsTask();
        await AdvanceUntilDoneAsync(send, TimeSpan.FromMilliseconds(10));

        await Assert.ThrowsAsync<global::Mediator.Resilience.TransientException>(() => send);
        Assert.Equal(4, Probe(client).Calls);
        Assert.Equal(4, client.Dispatches.Single().Steps.Count(s => s.Kind == DispatchStepKind.Handler));
    }

    [Fact]
    public async Task Timeout_fires_at_the_attributes_deadline_and_not_before()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        Probe(client).CloseGate();

        var send = client.Send(new TimedRequest(1)).AsTask();
        _time.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.False(send.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<MessageTimeoutException>(() => send);
    }

    [Fact]
    public async Task The_breaker_opens_after_the_attributes_threshold_and_lets_a_probe_through_after_its_break()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        var probe = Probe(client);
        probe.InjectFault = () => true;
        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<global::Mediator.Resilience.TransientException>(async () => await client.Send(new GuardedRequest(i)));

        await Assert.ThrowsAsync<CircuitOpenException>(async () => await client.Send(new GuardedRequest(3)));
        Assert.Equal(3, probe.Calls);

        probe.InjectFault = null;
        _time.Advance(TimeSpan.FromSeconds(44));
        await Assert.ThrowsAsync<CircuitOpenException>(async () => await client.Send(new GuardedRequest(4)));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(5, await client.Send(new GuardedRequest(5)));
    }

    [Fact]
    public async Task The_bulkhead_admits_as_many_calls_as_the_attribute_says_and_rejects_the_next()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        var probe = Probe(client);
        probe.CloseGate();
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));

        var first = client.Send(new FullRequest(1)).AsTask();
        var second = client.Send(new FullRequest(2)).AsTask();
        await Assert.ThrowsAsync<BulkheadRejectedException>(async () => await client.Send(new FullRequest(3)));

        probe.OpenGate();
        Assert.Equal("alice:1:1", await first);
        Assert.Equal("alice:2:2", await second);
        Assert.Equal("alice:4:3", await client.Send(new FullRequest(4)));
    }

    [Fact]
    public async Task The_handler_runs_inside_a_transaction_that_is_committed_on_success_and_rolled_back_on_failure()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        var transactions = client.Services.GetRequiredService<InMemoryTransactionManager>();
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));

        await client.Send(new FullRequest(1));
        Assert.Equal((1, 0), (transactions.Committed, transactions.RolledBack));
        Assert.Equal(0, Probe(client).CallsWithoutTransaction);

        Probe(client).InjectFault = () => true;
        var send = client.Send(new FullRequest(2)).AsTask();
        await AdvanceUntilDoneAsync(send, TimeSpan.FromMilliseconds(10));
        await Assert.ThrowsAsync<CircuitOpenException>(() => send);
        // Four attempts, the breaker opened after the third: three units of work begun, each rolled back.
        Assert.Equal((1, 3), (transactions.Committed, transactions.RolledBack));
    }

    [Fact]
    public async Task The_rate_limit_rejects_a_caller_whose_bucket_is_empty_but_not_another_caller()
    {
        using var client = BuiltInsHost.Client(_time, _logs, options =>
        {
            options.TokenLimit = 2;
            options.TokensPerPeriod = 2;
            options.ReplenishmentPeriod = TimeSpan.FromMinutes(1);
        });

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice"));
        await client.Send(new PlainRequest(1));
        await client.Send(new PlainRequest(2));
        var rejected = await Assert.ThrowsAsync<RateLimitExceededException>(async () => await client.Send(new PlainRequest(3)));
        Assert.NotNull(rejected.RetryAfter);

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("bob"));
        Assert.Equal(8, await client.Send(new PlainRequest(4)));
    }

    [Fact]
    public async Task Logging_writes_an_entry_per_dispatch_and_metrics_count_the_outcome()
    {
        using var client = BuiltInsHost.Client(_time, _logs);
        // This container's own meter: other tests' containers publish instruments of the same name in parallel.
        var meter = client.Services.GetRequiredService<MediatorInstrumentation>().Meter;
        long successes = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter) && instrument.Name == "request_success_total") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == MetricsTags.MessageType && Equals(tag.Value, typeof(PlainRequest).FullName)) Interlocked.Add(ref successes, value);
        });
        listener.Start();

        await client.Send(new PlainRequest(1));

        Assert.Contains(_logs.Lines, line => line.Contains(nameof(PlainRequest), StringComparison.Ordinal));
        Assert.Equal(1, Interlocked.Read(ref successes));
    }

    private static HandlerProbe Probe(MediatorTestClient client) => client.Services.GetRequiredService<HandlerProbe>();

    /// <summary>Moves fake time forward in steps until the send ends (back-off delays wait on it).</summary>
    private async Task AdvanceUntilDoneAsync(Task send, TimeSpan step)
    {
        while (!send.IsCompleted)
        {
            _time.Advance(step);
            await Task.Yield();
        }
    }
}
