using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Mediator.Authorization;
using Mediator.Logging;
using Mediator.Metrics;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Testing;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BuiltInsTests;

/// <summary>
/// The built-ins on streams, through the generated mediator: the ones that serve streams wrap every stream pipeline in
/// the canonical order, and each acts before the first item.
/// </summary>
public sealed class StreamBuiltInTests
{
    private static readonly Type[] StreamBuiltIns =
    {
        typeof(LoggingMiddleware<Counting, int>), typeof(ValidationMiddleware<Counting, int>), typeof(AuthorizationMiddleware<Counting, int>),
        typeof(MetricsMiddleware<Counting, int>), typeof(RateLimitMiddleware<Counting, int>),
        typeof(BulkheadMiddleware<Counting, int>),
    };

    private static async Task<List<int>> ReadAll(IAsyncEnumerable<int> stream)
    {
        var items = new List<int>();
        await foreach (var item in stream) items.Add(item);
        return items;
    }

    [Fact]
    public async Task A_stream_runs_the_built_ins_that_serve_streams_in_the_canonical_order_then_the_handler()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());

        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new Counting(3))));

        var steps = client.Dispatches.Single().Steps;
        Assert.Equal(StreamBuiltIns, steps.Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
        Assert.Equal(DispatchStepKind.Handler, steps[^1].Kind);
    }

    [Fact]
    public async Task A_stream_is_logged_from_its_opening_to_its_end_with_its_item_count()
    {
        var logs = new CapturingLoggerFactory();
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), logs);

        Assert.Equal([0, 1], await ReadAll(client.CreateStream(new Counting(2))));

        Assert.Equal(
            ["Debug: Opening stream BuiltInsTests.Counting", "Trace: Stream BuiltInsTests.Counting item 1 after 0 ms",
             "Trace: Stream BuiltInsTests.Counting item 2 after 0 ms", "Information: Streamed BuiltInsTests.Counting: 2 items in 0 ms: completed"],
            logs.Lines);
    }

    [Fact]
    public async Task A_stream_is_measured_on_the_stream_instruments_with_its_items_and_outcome()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var instrumentation = client.Services.GetRequiredService<MediatorInstrumentation>();
        var items = new List<(long Value, object? Outcome)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, instrumentation.StreamItems)) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == MetricsTags.Outcome) items.Add((value, tag.Value));
        });
        listener.Start();

        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new Counting(3))));

        Assert.Equal([(3L, (object?)MetricsTags.Success)], items);
    }

    [Fact]
    public async Task A_stream_takes_one_rate_limit_token_when_it_opens_and_a_caller_out_of_tokens_never_reaches_the_handler()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory(), o => { o.TokenLimit = 1; o.TokensPerPeriod = 1; o.ReplenishmentPeriod = TimeSpan.FromSeconds(1); });
        var probe = client.Services.GetRequiredService<HandlerProbe>();
        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("carol"));

        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new ValidatedFeed(3))));
        var refusal = await Assert.ThrowsAsync<RateLimitExceededException>(() => ReadAll(client.CreateStream(new ValidatedFeed(3))));

        Assert.Equal(TimeSpan.FromSeconds(1), refusal.RetryAfter);
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task A_Bulkhead_stream_holds_its_permit_until_the_reader_stops_and_refuses_a_second_reader_meanwhile()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var probe = client.Services.GetRequiredService<HandlerProbe>();

        var reading = client.CreateStream(new NarrowFeed(3)).GetAsyncEnumerator();
        Assert.True(await reading.MoveNextAsync());
        var rejection = await Assert.ThrowsAsync<BulkheadRejectedException>(() => ReadAll(client.CreateStream(new NarrowFeed(3))));
        Assert.Equal(typeof(NarrowFeed), rejection.MessageType);
        Assert.Equal(1, probe.Calls);

        await reading.DisposeAsync();
        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new NarrowFeed(3))));
        Assert.Equal(2, probe.Calls);
    }

    [Fact]
    public async Task A_Bulkhead_stream_dropped_without_dispose_gets_its_permit_back_through_every_layer_of_the_generated_pipeline()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var limiter = client.Services.GetRequiredService<BulkheadRegistry>().GetLimiter(typeof(NarrowFeed), new BulkheadAttribute { MaxConcurrency = 1 });

        await ReadOneItemAndDrop(client.CreateStream(new NarrowFeed(3)));
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);

        // A bounded number of full collections, not a wait: nothing in the pipeline may keep the dropped enumerator alive.
        for (var i = 0; i < 3 && limiter.GetStatistics()!.CurrentAvailablePermits == 0; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new NarrowFeed(3))));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task ReadOneItemAndDrop(IAsyncEnumerable<int> stream)
    {
        var items = stream.GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());
    }

    [Fact]
    public async Task A_CircuitBreaker_stream_that_fails_while_read_opens_the_circuit_and_an_open_circuit_never_reaches_the_handler()
    {
        var time = new FakeTimeProvider();
        using var client = BuiltInsHost.Client(time, new CapturingLoggerFactory());
        var probe = client.Services.GetRequiredService<HandlerProbe>();
        var registry = client.Services.GetRequiredService<CircuitBreakerRegistry>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAll(client.CreateStream(new FlakyFeed(3, FailAfter: 1))));
        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new FlakyFeed(3, FailAfter: null))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAll(client.CreateStream(new FlakyFeed(3, FailAfter: 1))));
        Assert.Equal(CircuitState.Closed, registry.GetState(typeof(FlakyFeed))); // the completed stream reset the count
        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAll(client.CreateStream(new FlakyFeed(3, FailAfter: 2))));
        Assert.Equal(CircuitState.Open, registry.GetState(typeof(FlakyFeed)));

        var open = await Assert.ThrowsAsync<CircuitOpenException>(() => ReadAll(client.CreateStream(new FlakyFeed(3, FailAfter: null))));
        Assert.Equal(TimeSpan.FromSeconds(10), open.RetryAfter);
        Assert.Equal(4, probe.Calls);
        Assert.Contains(typeof(CircuitBreakerMiddleware<FlakyFeed, int>), client.Dispatches[^1].Steps.Select(s => s.ComponentType));

        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new FlakyFeed(3, FailAfter: null))));
        Assert.Equal(CircuitState.Closed, registry.GetState(typeof(FlakyFeed)));
    }

    [Fact]
    public async Task An_Authorize_stream_without_a_caller_is_denied_before_the_first_item_and_the_handler_never_runs()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        AsyncLocalCallerAccessor.SignIn(null);

        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => ReadAll(client.CreateStream(new GuardedFeed(3))));

        Assert.Equal(AuthorizationFailure.Unauthenticated, refusal.Failure);
        Assert.Equal(0, client.Services.GetRequiredService<HandlerProbe>().Calls);
    }

    [Fact]
    public async Task An_Authorize_stream_admits_a_caller_in_its_role_and_forbids_the_others()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var probe = client.Services.GetRequiredService<HandlerProbe>();

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("bob", "viewer"));
        var refusal = await Assert.ThrowsAsync<AuthorizationException>(() => ReadAll(client.CreateStream(new GuardedFeed(3))));
        Assert.Equal(AuthorizationFailure.Forbidden, refusal.Failure);
        Assert.Equal(0, probe.Calls);

        AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User("alice", "clerk"));
        Assert.Equal([0, 1, 2], await ReadAll(client.CreateStream(new GuardedFeed(3))));
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task An_invalid_stream_request_is_refused_before_the_first_item_and_the_handler_never_runs()
    {
        using var client = BuiltInsHost.Client(new FakeTimeProvider(), new CapturingLoggerFactory());
        var probe = client.Services.GetRequiredService<HandlerProbe>();

        var error = await Assert.ThrowsAsync<ValidationException>(() => ReadAll(client.CreateStream(new ValidatedFeed(-1))));
        Assert.Equal(nameof(ValidatedFeed.Count), Assert.Single(error.Errors).Member);
        Assert.Equal(0, probe.Calls);

        Assert.Equal([0, 1], await ReadAll(client.CreateStream(new ValidatedFeed(2))));
        Assert.Equal(1, probe.Calls);
    }

    [Fact]
    public async Task A_Timeout_stream_that_stalls_fails_with_a_timeout_when_its_deadline_passes()
    {
        var time = new FakeTimeProvider();
        using var client = BuiltInsHost.Client(time, new CapturingLoggerFactory());
        await using var items = client.CreateStream(new TimedFeed()).GetAsyncEnumerator();
        Assert.True(await items.MoveNextAsync());

        var read = items.MoveNextAsync();
        time.Advance(TimeSpan.FromSeconds(2));

        var timeout = await Assert.ThrowsAsync<MessageTimeoutException>(async () => await read);
        Assert.Equal(typeof(TimedFeed), timeout.MessageType);
        Assert.Contains(typeof(TimeoutMiddleware<TimedFeed, int>), client.Dispatches.Single().Steps.Select(s => s.ComponentType));
    }
}
