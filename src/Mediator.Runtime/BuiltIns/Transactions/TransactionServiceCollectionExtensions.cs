using System;
using System.Data.Common;
using Mediator.Transactions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <see cref="TransactionMiddleware{TMessage, TResult}"/> needs.</summary>
public static class TransactionServiceCollectionExtensions
{
    /// <summary>Uses <see cref="InMemoryTransactionManager"/> unless a transaction manager is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorInMemoryTransactions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<InMemoryTransactionManager>();
        services.TryAddSingleton<ITransactionManager>(static provider => provider.GetRequiredService<InMemoryTransactionManager>());
        return AddContext(services);
    }

    /// <summary>Uses <see cref="DbTransactionManager"/> over <paramref name="dataSource"/> unless a transaction manager is registered already.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="dataSource">Where connections come from (for example <c>SqliteFactory.Instance.CreateDataSource(connectionString)</c>).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMediatorAdoNetTransactions(this IServiceCollection services, DbDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(dataSource);
        services.TryAddSingleton<ITransactionManager>(new DbTransactionManager(dataSource));
        return AddContext(services);
    }

    private static IServiceCollection AddContext(IServiceCollection services)
    {
        services.TryAddSingleton<AmbientTransactionContext>();
        services.TryAddSingleton<ITransactionContext>(static provider => provider.GetRequiredService<AmbientTransactionContext>());
        return services;
    }
}
