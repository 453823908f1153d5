using Mediator.BuiltIns;
using Mediator.RateLimiting;
using Mediator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace BuiltInsTests;

/// <summary>
/// The registrations an application makes to run the eleven built-ins: the generated <c>AddMediator()</c> plus each
/// <c>AddMediatorX</c>, on a <see cref="FakeTimeProvider"/> so that tests move time themselves.
/// </summary>
public static class BuiltInsHost
{
    public static void Register(IServiceCollection services, FakeTimeProvider time, CapturingLoggerFactory logs, Action<RateLimitOptions>? rateLimit = null)
    {
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddSingleton<ICallerAccessor, AsyncLocalCallerAccessor>();
        services.AddSingleton<HandlerProbe>();
        services.AddSingleton<NoticeLog>();
        services.AddMediatorLogging();
        services.AddMediatorAuthorization();
        services.AddMediatorMetrics();
        services.AddMediatorRateLimit(rateLimit);
        services.AddMediatorBulkhead();
        services.AddMediatorCaching();
        services.AddMediatorRetry();
        services.AddMediatorTimeout();
        services.AddMediatorCircuitBreaker();
        services.AddMediatorInMemoryTransactions();
        services.AddMediator();
    }

    /// <summary>A test client over the real container: it records every middleware and handler step.</summary>
    public static MediatorTestClient Client(FakeTimeProvider time, CapturingLoggerFactory logs, Action<RateLimitOptions>? rateLimit = null)
        => MediatorTestClient.Create(services => Register(services, time, logs, rateLimit));
}
