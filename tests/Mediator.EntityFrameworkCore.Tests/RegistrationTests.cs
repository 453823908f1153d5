using Mediator.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EfCoreTests;

public sealed class RegistrationTests
{
    [Fact]
    public void The_context_is_registered_scoped_so_the_middleware_gets_the_scopes_instance()
    {
        var services = new ServiceCollection().AddMediatorEfCoreTransactions<ShopDb>();

        Assert.Equal(ServiceLifetime.Scoped, Assert.Single(services, d => d.ServiceType == typeof(TransactionDbContext)).Lifetime);
    }

    [Fact]
    public void Registering_the_same_context_twice_keeps_one_registration()
    {
        var services = new ServiceCollection().AddMediatorEfCoreTransactions<ShopDb>().AddMediatorEfCoreTransactions<ShopDb>();

        Assert.Single(services, d => d.ServiceType == typeof(TransactionDbContext));
    }

    [Fact]
    public void A_second_context_type_is_refused()
    {
        var services = new ServiceCollection().AddMediatorEfCoreTransactions<ShopDb>();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddMediatorEfCoreTransactions<OtherDb>());
        Assert.Contains(nameof(OtherDb), error.Message, StringComparison.Ordinal);
    }

    private sealed class OtherDb(DbContextOptions<OtherDb> options) : DbContext(options);
}
