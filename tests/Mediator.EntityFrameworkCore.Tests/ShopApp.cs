using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfCoreTests;

/// <summary>
/// The registrations a real app makes: its context through <c>AddDbContext</c> (scoped), the package's
/// <c>AddMediatorEfCoreTransactions&lt;ShopDb&gt;()</c>, the generated <c>AddMediator()</c>, and a container that checks
/// scopes on build and on every resolution, so a scoped context captured by a singleton fails the test.
/// </summary>
public static class ShopApp
{
    public static ServiceProvider Build(SqliteFile database, TransactionProbe probe, int? maxRetryCount = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<HandlerLog>();
        services.AddDbContext<ShopDb>(options => options
            .UseSqlite(database.ConnectionString, sqlite =>
            {
                if (maxRetryCount is { } retries)
                {
                    sqlite.ExecutionStrategy(dependencies => new RetryingStrategy(dependencies, retries));
                }
            })
            .AddInterceptors(probe));
        services.AddMediatorEfCoreTransactions<ShopDb>();
        services.AddMediator();
        services.AddScopePerDispatchMediator();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
