using System.Diagnostics;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
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
/// It runs the 64 callers x 10,000 dispatches: three in four are sends of <see cref="StressCommand"/>, one in
/// four a publish of <see cref="StressNotice"/> to its three handlers, each behind its own retry, timeout, breaker and
/// transaction. MEDIATOR_STRESS_SENDS sets fewer dispatches per caller for a quick local run.
/// </summary>
public sealed class StressTests(ITestOutputHelper output)
{
    private const int Callers = 64;

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
        // A publish takes a permit per handler delivery: 3/4 sends + 1/4 x 3 deliveries stays under 2 per dispatch.
        services.AddMediatorRateLimit(o => o.TokenLimit = o.TokensPerPeriod = 2 * sendsPerCaller);
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

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User($"caller{caller}", "clerk"));
            for (var call = 0; call < sendsPerCaller; call++)
            {
                if (call % 4 == 3)
                {
                    await PublishNotice(mediator, breakers, time, notices, new StressNotice(caller, call));
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
        var publishes = Callers * (sendsPerCaller / 4); // calls 3, 7, 11, ... of each caller
        output.WriteLine($"notification deliveries: {notices}; handlers returned {probe.NoticesDelivered}");
        output.WriteLine($"{Callers} x {sendsPerCaller} in {stopwatch.Elapsed.TotalSeconds:F1} s: {tally}; " +
                         $"max in flight {probe.MaxInFlight}, calls started while half-open {probe.ProbeCalls} (peak {probe.MaxConcurrentProbes}), " +
                         $"peak concurrent probes admitted {breakers.GetPeakConcurrentProbes(typeof(StressCommand))}, commits {transactions.Committed}, rollbacks {transactions.RolledBack}");

        Assert.Empty(tally.UntypedExceptions);
        Assert.Empty(notices.UntypedExceptions);
        // Nothing lost: every send ended in a result or a typed exception, and every handler of every publish either
        // completed or is one typed entry of that publish's PublishException.
        Assert.Equal(Callers * sendsPerCaller, tally.Results + tally.TypedCount + publishes);
        Assert.Equal(3 * publishes, notices.Results + notices.TypedCount);
        Assert.Equal(probe.NoticesDelivered, notices.Results);
        Assert.True(notices.Results > 0);
        Assert.True(tally.Results > 0);
        Assert.InRange(probe.MaxInFlight, 1, 8);
        // Probes as the breaker admitted them. (The handler's own guess, "the breaker was half-open when I started",
        // also counts calls admitted while Closed that reached the handler after the breaker had opened and
        // half-opened, so it is only printed.)
        Assert.Equal(1, breakers.GetPeakConcurrentProbes(typeof(StressCommand)));
        // One commit per send that answered and per handler delivery that completed, each in its own unit of work.
        Assert.Equal(tally.Results + notices.Results, transactions.Committed);
        Assert.Equal(transactions.Begun, transactions.Committed + transactions.RolledBack);
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
