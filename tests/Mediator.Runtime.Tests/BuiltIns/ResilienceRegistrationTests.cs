using Mediator;
using Mediator.BuiltIns;
using Mediator.Caching;
using Mediator.Resilience;
using Mediator.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests.BuiltIns;

/// <summary>The AddMediator... registrations of caching, retry, timeout, circuit breaker and transaction.</summary>
public sealed class ResilienceRegistrationTests
{
    private static IServiceCollection AddAll(IServiceCollection services)
        => services.AddMediatorCaching().AddMediatorRetry().AddMediatorTimeout().AddMediatorCircuitBreaker().AddMediatorInMemoryTransactions();

    [Fact]
    public void Repeated_calls_register_each_service_once_and_the_first_options_win()
    {
        var services = new ServiceCollection();
        services.AddMediatorRetry(o => o.RetryTimeouts = false);
        AddAll(AddAll(services));

        Assert.All(services.GroupBy(d => d.ServiceType), group => Assert.Single(group));
        using var provider = services.BuildServiceProvider();
        Assert.False(provider.GetRequiredService<RetryOptions>().RetryTimeouts);
    }

    [Fact]
    public async Task The_middlewares_built_from_the_container_run_on_the_registered_clock()
    {
        // A clock that reports its timers: a middleware waiting on another clock would leave NextTimerAsync with none.
        var clock = new RecordingTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        using var provider = AddAll(services).BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Null(provider.GetRequiredService<ICallerAccessor>().Caller);
        Assert.Same(provider.GetRequiredService<AmbientTransactionContext>(), provider.GetRequiredService<ITransactionContext>());
        Assert.IsType<InMemoryTransactionManager>(provider.GetRequiredService<ITransactionManager>());

        // What the generated pipeline does: attribute from the message, everything else from the container.
        var retry = new RetryMiddleware<string, int>(
            new RetryAttribute { AllowNonIdempotent = true, MaxAttempts = 2, BaseDelayMilliseconds = 1000, Jitter = false },
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<RetryOptions>(), provider.GetServices<IRetryPredicate>());
        var caching = new CachingMiddleware<string, int>(
            new CacheAttribute { DurationSeconds = 60 }, null, provider.GetRequiredService<ResponseCache>(), provider.GetRequiredService<ICallerAccessor>());
        var breaker = new CircuitBreakerMiddleware<string, int>(
            new CircuitBreakerAttribute { FailureThreshold = 1, BreakDurationSeconds = 30 }, provider.GetRequiredService<CircuitBreakerRegistry>(), provider.GetRequiredService<CircuitBreakerOptions>());

        // Retry waits its back-off on the registered clock, and tries again when that clock moves on.
        var attempts = 0;
        var retried = Send(retry, "quote", _ => ++attempts == 1 ? ValueTask.FromException<int>(new TransientException("busy")) : new ValueTask<int>(7));
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextTimerAsync());
        Assert.Equal(1, attempts);
        clock.Fake.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(7, await retried);
        Assert.Equal(2, attempts);

        // The cache answers a repeated read until the registered clock passes the entry's duration.
        var loads = 0;
        Func<string, ValueTask<int>> load = _ => new ValueTask<int>(++loads);
        Assert.Equal(1, await Send(caching, "price", load));
        Assert.Equal(1, await Send(caching, "price", load));
        clock.Fake.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(2, await Send(caching, "price", load));

        // The breaker opens on a failure and lets a call through once the registered clock passes the break.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(breaker, "charge", _ => ValueTask.FromException<int>(new InvalidOperationException("down"))).AsTask());
        await Assert.ThrowsAsync<CircuitOpenException>(() => Send(breaker, "charge", _ => new ValueTask<int>(1)).AsTask());
        clock.Fake.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await Send(breaker, "charge", _ => new ValueTask<int>(1)));
    }

    private static ValueTask<int> Send<TMiddleware>(TMiddleware middleware, string message, Func<string, ValueTask<int>> handler)
        where TMiddleware : IMiddleware<string, int>
        => middleware.InvokeAsync(message, new TestNext<string, int>((m, _) => handler(m)), new MessageContext(typeof(string), default));
}
