using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>
/// The shop's database (SQLite through EF Core). One context per HTTP request: the validators query it, the handlers
/// save through it, and the transaction built-in begins and commits its transactions on this same instance.
/// </summary>
public sealed class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
{
    /// <summary>What the shop sells, and how many of each are left.</summary>
    public DbSet<Product> Products => Set<Product>();

    /// <summary>Every order placed, with its lines.</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>The lines of every order.</summary>
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>().HasIndex(product => product.Sku).IsUnique();
        modelBuilder.Entity<Order>().HasIndex(order => order.Customer);
    }
}

/// <summary>A product of the catalogue.</summary>
public sealed class Product
{
    /// <summary>The key.</summary>
    public int Id { get; set; }

    /// <summary>The stock-keeping unit customers order by (unique).</summary>
    public required string Sku { get; set; }

    /// <summary>What the catalogue calls it.</summary>
    public required string Name { get; set; }

    /// <summary>The price of one unit.</summary>
    public decimal Price { get; set; }

    /// <summary>Units left to sell.</summary>
    public int Stock { get; set; }
}

/// <summary>An order a customer placed.</summary>
public sealed class Order
{
    /// <summary>The order number.</summary>
    public int Id { get; set; }

    /// <summary>Who placed it: the caller's name identifier.</summary>
    public required string Customer { get; set; }

    /// <summary>When it was placed.</summary>
    public DateTimeOffset PlacedAt { get; set; }

    /// <summary>What was ordered.</summary>
    public List<OrderLine> Lines { get; set; } = [];
}

/// <summary>One product of an order.</summary>
public sealed class OrderLine
{
    /// <summary>The key.</summary>
    public int Id { get; set; }

    /// <summary>The order it belongs to.</summary>
    public int OrderId { get; set; }

    /// <summary>The product ordered.</summary>
    public required string Sku { get; set; }

    /// <summary>How many units.</summary>
    public int Quantity { get; set; }

    /// <summary>The price of one unit when the order was placed.</summary>
    public decimal UnitPrice { get; set; }
}
