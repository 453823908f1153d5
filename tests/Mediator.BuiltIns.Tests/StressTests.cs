using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Mediator.Metrics;
using Mediator.RateLimiting;
using Mediator.Resilience;
using Mediator.Transactions;
using Mediator.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace BuiltInsTests;

/// <summary>
/// The bounded stress test: concurrent callers through all eleven built-ins with ~10% transient faults. It
/// stops by itself (a fixed number of dispatches); time is fake and only moves when a caller finds a breaker open.
/// It runs the 64 callers x 10,000 dispatches: half are sends of <see cref="StressCommand"/>, a quarter
/// publishes of <see cref="StressNotice"/> to its three handlers, each behind its own retry, timeout, breaker and
/// transaction, and a quarter streams of <see cref="StressFeed"/> read to the end, stopped early or cancelled.
/// MEDIATOR_STRESS_SENDS sets fewer dispatches per caller for a quick local run.
/// </summary>
public sealed class StressTests(ITestOutputHelper output)
{
    private const int Callers = 64;

    /// <summary>The smallest run in which the command's breaker is sure to open (the default run is 10,000 per caller).</summary>
    private const int RunThatOpensTheBreaker = 2_500;

    [Fact]
    public async Task Every_send_ends_in_a_result_or_a_typed_exception_and_no_limit_is_broken()
    {
        var sendsPerCaller = int.TryParse(Environment.GetEnvironmentVariable("MEDIATOR_STRESS_SENDS"), out var sends) && sends > 0 ? sends : 10_000;
        var time = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton<ICallerAccessor, AsyncLocalCallerAccessor>();
        services.AddSingleton<HandlerProbe>();
        services.AddSingleton<StressProbe>();
        services.AddMediatorLogging();
        services.AddMediatorAuthorization();
        services.AddMediatorMetrics();
        services.AddSingleton<StressFeedProbe>();
        // Each caller's bucket holds exactly the tokens its dispatches may take (one per send, one per stream however many
        // items it has, one per notification delivery) and never refills (fake time moves by seconds): a stream that
        // took a token per item, or twice, would run callers dry and be refused.
        services.AddMediatorRateLimit(o =>
        {
            o.TokenLimit = o.TokensPerPeriod = TokensNeeded(sendsPerCaller);
            o.ReplenishmentPeriod = TimeSpan.FromDays(3650);
        });
        services.AddMediatorBulkhead();
        services.AddMediatorCaching();
        services.AddMediatorRetry();
        services.AddMediatorTimeout();
        services.AddMediatorCircuitBreaker();
        services.AddMediatorInMemoryTransactions();
        services.AddMediator();
        await using var provider = services.BuildServiceProvider();
        var mediator = provider.GetRequiredService<Mediator>();
        var breakers = provider.GetRequiredService<CircuitBreakerRegistry>();
        var tally = new OutcomeTally();
        var notices = new OutcomeTally();
        var streams = new OutcomeTally();
        long itemsRead = 0, itemsMeasured = 0;
        var instrumentation = provider.GetRequiredService<MediatorInstrumentation>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument, instrumentation.StreamItems)) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref itemsMeasured, value));
        listener.Start();

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User($"caller{caller}", "clerk"));
            var random = new Random(caller);
            for (var call = 0; call < sendsPerCaller; call++)
            {
                if (call % 4 == 3)
                {
                    await PublishNotice(mediator, breakers, time, notices, new StressNotice(caller, call));
                    continue;
                }

                if (call % 4 == 1)
                {
                    Interlocked.Add(ref itemsRead, await ReadStream(mediator, breakers, time, streams, random, caller, call));
                    continue;
                }

                try
                {
                    await mediator.Send(new StressCommand(caller, call));
                    tally.Result();
                }
                catch (CircuitOpenException)
                {
                    tally.Typed("circuit open");
                    // End the break so that the next send probes. Only while it is Open: moving time while a probe is in
                    // flight would outlive the probe's timeout and legitimately admit a second one.
                    if (breakers.GetState(typeof(StressCommand)) == CircuitState.Open) time.Advance(TimeSpan.FromSeconds(1));
                }
                catch (Exception e) when (e is TransientException or BulkheadRejectedException or RateLimitExceededException
                                              or MessageTimeoutException or AuthorizationException or ValidationException)
                {
                    tally.Typed(e.GetType().Name);
                }
                catch (Exception e)
                {
                    tally.Untyped(e);
                }
            }
        })));
        stopwatch.Stop();

        var probe = provider.GetRequiredService<StressProbe>();
        var transactions = provider.GetRequiredService<InMemoryTransactionManager>();
        var feed = provider.GetRequiredService<StressFeedProbe>();
        var bulkheads = provider.GetRequiredService<BulkheadRegistry>();
        var publishes = Callers * Count(sendsPerCaller, 3); // calls 3, 7, 11, ... of each caller
        var streamCount = Callers * Count(sendsPerCaller, 1); // calls 1, 5, 9, ...
        output.WriteLine($"notification deliveries: {notices}; handlers returned {probe.NoticesDelivered}");
        output.WriteLine($"streams: {streams}; items read {itemsRead}, handed out {feed.ItemsYielded}, measured {itemsMeasured}; " +
                         $"most open at once {feed.MaxOpen}; peak concurrent probes {breakers.GetPeakConcurrentProbes(typeof(StressFeed))}");
        output.WriteLine($"{Callers} x {sendsPerCaller} in {stopwatch.Elapsed.TotalSeconds:F1} s: {tally}; " +
                         $"max in flight {probe.MaxInFlight}, calls started while half-open {probe.ProbeCalls} (peak {probe.MaxConcurrentProbes}), " +
                         $"peak concurrent probes admitted {breakers.GetPeakConcurrentProbes(typeof(StressCommand))}, commits {transactions.Committed}, rollbacks {transactions.RolledBack}");

        Assert.Empty(tally.UntypedExceptions);
        Assert.Empty(notices.UntypedExceptions);
        Assert.Empty(streams.UntypedExceptions);
        // Nothing lost: every send ended in a result or a typed exception, and every handler of every publish either
        // completed or is one typed entry of that publish's PublishException.
        Assert.Equal(Callers * sendsPerCaller, tally.Results + tally.TypedCount + publishes + streamCount);
        Assert.Equal(3 * publishes, notices.Results + notices.TypedCount);
        Assert.Equal(probe.NoticesDelivered, notices.Results);
        Assert.True(notices.Results > 0);
        Assert.True(tally.Results > 0);
        Assert.InRange(probe.MaxInFlight, 1, 8);
        // Probes as the breaker admitted them. (The handler's own guess, "the breaker was half-open when I started",
        // also counts calls admitted while Closed that reached the handler after the breaker had opened and
        // half-opened, so it is only printed.)
        // A small run (MEDIATOR_STRESS_SENDS) may never open the breaker; a run as large as the default one always does.
        var commandBreakerOpened = tally.TypedCountOf("circuit open") > 0;
        if (sendsPerCaller >= RunThatOpensTheBreaker) Assert.True(commandBreakerOpened, "the command's breaker never opened");
        Assert.Equal(commandBreakerOpened ? 1 : 0, breakers.GetPeakConcurrentProbes(typeof(StressCommand)));
        // One commit per send that answered and per handler delivery that completed, each in its own unit of work.
        Assert.Equal(tally.Results + notices.Results, transactions.Committed);
        Assert.Equal(transactions.Begun, transactions.Committed + transactions.RolledBack);

        // Streams: each ended exactly once (read to its end with every item, a typed failure, stopped by its caller, or
        // cancelled), the callers read every item the handler handed out and the metrics counted, the bulkhead held
        // its limit and has every permit back, a half-open breaker let one probe at a time read, and no caller ran out
        // of rate limit tokens.
        Assert.Equal(streamCount, streams.Results + streams.TypedCount);
        Assert.True(streams.Results > 0);
        Assert.True(streams.TypedCountOf("stopped") > 0 && streams.TypedCountOf("cancelled") > 0 && streams.TypedCountOf(nameof(TransientException)) > 0, streams.ToString());
        Assert.Equal(itemsRead, feed.ItemsYielded);
        Assert.Equal(itemsRead, Interlocked.Read(ref itemsMeasured));
        Assert.Equal(0, feed.OpenNow);
        Assert.InRange(feed.MaxOpen, 1, 4);
        AssertAllPermitsBack(bulkheads, typeof(StressFeed));
        AssertAllPermitsBack(bulkheads, typeof(StressCommand));
        Assert.InRange(breakers.GetPeakConcurrentProbes(typeof(StressFeed)), 0, 1);
        Assert.Equal(0,
            tally.TypedCountOf(nameof(RateLimitExceededException)) + notices.TypedCountOf(nameof(RateLimitExceededException)) + streams.TypedCountOf(nameof(RateLimitExceededException)));
    }

    /// <summary>Calls of one caller with <c>call % 4 == remainder</c>.</summary>
    private static int Count(int calls, int remainder) => calls / 4 + (calls % 4 > remainder ? 1 : 0);

    /// <summary>Rate limit tokens one caller's dispatches may take: one per send, per stream and per notification delivery.</summary>
    private static int TokensNeeded(int calls) => calls - Count(calls, 3) + 3 * Count(calls, 3);

    private static void AssertAllPermitsBack(BulkheadRegistry bulkheads, Type messageType)
    {
        var settings = messageType.GetCustomAttribute<BulkheadAttribute>()!;
        var statistics = bulkheads.GetLimiter(messageType, settings).GetStatistics()!;
        Assert.Equal(settings.MaxConcurrency, statistics.CurrentAvailablePermits);
        Assert.Equal(0, statistics.CurrentQueuedCount);
    }

    /// <summary>
    /// Opens one stream and reads it as this call's caller chose: to the end, stopping (break) after some items, or
    /// cancelling after some items (perhaps before the first). About one stream in ten has a fault injected, half
    /// before the first item and half after some. Tallies how it ended and returns the items read.
    /// </summary>
    private static async Task<int> ReadStream(Mediator mediator, CircuitBreakerRegistry breakers, FakeTimeProvider time, OutcomeTally streams, Random random, int caller, int call)
    {
        var count = random.Next(1, 6);
        var faultAt = random.Next(20) switch { 0 => 0, 1 => count > 1 ? random.Next(1, count) : 0, _ => -1 };
        var choice = random.Next(10);
        var stopAfter = choice == 0 ? random.Next(1, count + 1) : -1; // break after that many items
        var cancelAfter = choice == 1 ? random.Next(0, count) : -1; // cancel after that many items, while more are due
        using var cancellation = new CancellationTokenSource();
        if (cancelAfter == 0) cancellation.Cancel();
        var read = 0;
        var stopped = false;
        try
        {
            await foreach (var item in mediator.CreateStream(new StressFeed(caller, call, count, faultAt), cancellation.Token))
            {
                if (item != read) throw new InvalidOperationException($"item {item} arrived as item {read}");
                read++;
                if (read == stopAfter)
                {
                    stopped = true;
                    break;
                }
                if (read == cancelAfter) cancellation.Cancel();
            }

            // Tallied only once the enumerator is disposed: a dispose that threw would be its outcome instead.
            if (stopped) streams.Typed("stopped");
            else if (cancellation.IsCancellationRequested) throw new InvalidOperationException("a cancelled stream completed");
            else if (read != count) throw new InvalidOperationException($"the stream completed after {read} of {count} items");
            else streams.Result();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            streams.Typed("cancelled");
        }
        catch (CircuitOpenException)
        {
            streams.Typed("circuit open");
            if (breakers.GetState(typeof(StressFeed)) == CircuitState.Open) time.Advance(TimeSpan.FromSeconds(1));
        }
        catch (Exception e) when (e is TransientException or BulkheadRejectedException or RateLimitExceededException
                                      or MessageTimeoutException or AuthorizationException or ValidationException)
        {
            streams.Typed(e.GetType().Name);
        }
        catch (Exception e)
        {
            streams.Untyped(e);
        }

        return read;
    }

    /// <summary>
    /// Publishes one notice and tallies each handler's delivery: a result, or a typed failure from the PublishException.
    /// A handler's own breaker found open moves fake time on, as for sends.
    /// </summary>
    private static async Task PublishNotice(Mediator mediator, CircuitBreakerRegistry breakers, FakeTimeProvider time, OutcomeTally deliveries, StressNotice notice)
    {
        IReadOnlyList<NotificationFailure> failures;
        try
        {
            await mediator.Publish(notice);
            failures = Array.Empty<NotificationFailure>();
        }
        catch (PublishException e)
        {
            failures = e.Failures;
        }
        catch (Exception e)
        {
            deliveries.Untyped(e);
            return;
        }

        for (var i = failures.Count; i < 3; i++) deliveries.Result();
        foreach (var failure in failures)
        {
            switch (failure.Exception)
            {
                case CircuitOpenException:
                    deliveries.Typed("circuit open");
                    if (breakers.GetState(typeof(StressNotice), failure.HandlerType) == CircuitState.Open) time.Advance(TimeSpan.FromSeconds(1));
                    break;
                case TransientException or BulkheadRejectedException or RateLimitExceededException or MessageTimeoutException
                    or AuthorizationException or ValidationException:
                    deliveries.Typed(failure.Exception.GetType().Name);
                    break;
                default:
                    deliveries.Untyped(failure.Exception);
                    break;
            }
        }
    }
}
