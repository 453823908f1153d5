using Ordering.Application;
using Ordering.Infrastructure;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What Ordering.Infrastructure provides besides its handlers (the generated registration adds those).</summary>
public static class InfrastructureServices
{
    /// <summary>Registers the order table, the scoped store (one unit of work per scope) and the warehouse outbox.</summary>
    public static IServiceCollection AddOrderingInfrastructure(this IServiceCollection services)
        => services
            .AddSingleton<OrderTable>()
            .AddSingleton<WarehouseOutbox>()
            .AddScoped<IOrderStore, InMemoryOrderStore>();
}
