using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>Creates the database when the app starts, with a few products to order.</summary>
public static class ShopDatabase
{
    /// <summary>The products a new database starts with (the README's curl commands order them).</summary>
    public static IReadOnlyList<Product> Seed() =>
    [
        new() { Sku = "coffee", Name = "Coffee beans, 1 kg", Price = 24.50m, Stock = 50 },
        new() { Sku = "tea", Name = "Green tea, 100 bags", Price = 8.00m, Stock = 40 },
        new() { Sku = "mug", Name = "Enamel mug", Price = 12.00m, Stock = 2 },
    ];

    /// <summary>
    /// Creates the schema if the database has none and seeds an empty catalogue. A sample's shortcut: an app with a
    /// schema that changes applies EF Core migrations instead (<c>Database.MigrateAsync</c>, or a migration bundle).
    /// </summary>
    /// <param name="services">The app's services.</param>
    public static async Task CreateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
        await db.Database.EnsureCreatedAsync();
        if (!await db.Products.AnyAsync())
        {
            db.Products.AddRange(Seed());
            await db.SaveChangesAsync();
        }
    }
}
