using System;
using Mediator.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what <see cref="EfCoreTransactionMiddleware{TMessage, TResult}"/> needs.</summary>
public static class EfCoreTransactionServiceCollectionExtensions
{
    /// <summary>
    /// Runs <c>[Transactional]</c> messages in transactions of <typeparamref name="TContext"/>: registers
    /// <see cref="TransactionDbContext"/> as scoped over the scope's <typeparamref name="TContext"/>, so the middleware
    /// and the handler share one context. Register the context itself as usual (<c>AddDbContext&lt;TContext&gt;</c>,
    /// scoped) and turn the middleware on with
    /// <c>[assembly: UseMiddleware(typeof(EfCoreTransactionMiddleware&lt;,&gt;))]</c>.
    /// </summary>
    /// <typeparam name="TContext">The app's context, the one its handlers save through.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">Another context type is registered for the transactions already.</exception>
    public static IServiceCollection AddMediatorEfCoreTransactions<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(TransactionDbContext) && !descriptor.IsKeyedService
                && descriptor.ImplementationFactory != ContextFactory<TContext>.Create)
            {
                // One transaction per dispatch means one context per app; a second would leave the first's writes
                // outside the transaction the middleware begins, which is the bug this package exists to prevent.
                throw new InvalidOperationException(
                    $"Mediator EF Core transactions are registered for another context already; they can run on one DbContext type per app, and {typeof(TContext).Name} is a second one.");
            }
        }

        services.TryAdd(new ServiceDescriptor(typeof(TransactionDbContext), ContextFactory<TContext>.Create, ServiceLifetime.Scoped));
        return services;
    }

    // One cached delegate per context type: a second registration of the same type is recognised (and ignored) by it.
    private static class ContextFactory<TContext>
        where TContext : DbContext
    {
        public static readonly Func<IServiceProvider, object> Create =
            static provider => new TransactionDbContext(provider.GetRequiredService<TContext>());
    }
}
