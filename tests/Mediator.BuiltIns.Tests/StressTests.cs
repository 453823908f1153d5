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
/// stops by itself (a fixed number of sends); time is fake and only moves when a caller finds the breaker open.
/// It runs the 64 callers x 10,000 sends (about 12 s on the shared 2-core machine); MEDIATOR_STRESS_SENDS
/// sets fewer sends per caller for a quick local run.
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

        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            AsyncLocalCallerAccessor.SignIn(AsyncLocalCallerAccessor.User($"caller{caller}", "clerk"));
            for (var call = 0; call < sendsPerCaller; call++)
            {
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
        output.WriteLine($"{Callers} x {sendsPerCaller} in {stopwatch.Elapsed.TotalSeconds:F1} s: {tally}; " +
                         $"max in flight {probe.MaxInFlight}, calls started while half-open {probe.ProbeCalls} (peak {probe.MaxConcurrentProbes}), " +
                         $"peak concurrent probes admitted {breakers.GetPeakConcurrentProbes(typeof(StressCommand))}, commits {transactions.Committed}, rollbacks {transactions.RolledBack}");

        Assert.Empty(tally.UntypedExceptions);
        Assert.Equal(Callers * sendsPerCaller, tally.Results + tally.TypedCount);
        Assert.True(tally.Results > 0);
        Assert.InRange(probe.MaxInFlight, 1, 8);
        // Probes as the breaker admitted them. (The handler's own guess, "the breaker was half-open when I started",
        // also counts calls admitted while Closed that reached the handler after the breaker had opened and
        // half-opened, so it is only printed.)
        Assert.Equal(1, breakers.GetPeakConcurrentProbes(typeof(StressCommand)));
        Assert.Equal(tally.Results, transactions.Committed);
        Assert.Equal(transactions.Begun, transactions.Committed + transactions.RolledBack);
    }
}
