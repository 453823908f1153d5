using Microsoft.EntityFrameworkCore;

namespace EfCoreTests;

/// <summary>The app's context: the one its handlers save through and the middleware runs its transactions on.</summary>
public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();
}

public sealed class Order
{
    public int Id { get; set; }

    public required string Product { get; set; }
}
