using Mediator;
using Mediator.BuiltIns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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
    public void The_middlewares_can_be_built_from_the_container_on_the_registered_clock()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(fake);
        using var provider = AddAll(services).BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<TimeProvider>());
        Assert.Null(provider.GetRequiredService<ICallerAccessor>().Caller);
        Assert.Same(provider.GetRequiredService<AmbientTransactionContext>(), provider.GetRequiredService<ITransactionContext>());
        Assert.IsType<InMemoryTransactionManager>(provider.GetRequiredService<ITransactionManager>());

        // What the generated pipeline does: attribute from the message, everything else from the container.
        Assert.NotNull(new CachingMiddleware<string, int>(new CacheAttribute(), null, provider.GetRequiredService<ResponseCache>(), provider.GetRequiredService<ICallerAccessor>()));
        Assert.NotNull(new CircuitBreakerMiddleware<string, int>(new CircuitBreakerAttribute(), provider.GetRequiredService<CircuitBreakerRegistry>(), provider.GetRequiredService<CircuitBreakerOptions>()));
        Assert.NotNull(new RetryMiddleware<string, int>(new RetryAttribute { AllowNonIdempotent = true }, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<RetryOptions>(), provider.GetServices<IRetryPredicate>()));
    }
}
