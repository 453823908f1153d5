using Ordering.Application;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What Ordering.Application's handlers need besides themselves (the generated registration adds those).</summary>
public static class ApplicationServices
{
    /// <summary>Registers the sales ledger.</summary>
    public static IServiceCollection AddOrderingApplication(this IServiceCollection services) => services.AddSingleton<SalesLedger>();
}
