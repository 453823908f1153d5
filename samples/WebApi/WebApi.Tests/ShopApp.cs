using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebApi.Data;

namespace WebApi.Tests;

/// <summary>
/// The WebApi in memory, one per test: a SQLite file of its own (created and seeded by the app as it starts, deleted
/// afterwards), its own rate limit buckets, cache and circuits, and a <see cref="FakeTimeProvider"/> the test moves
/// itself. Development environment: the header authentication scheme is on, and the container validates scopes.
/// </summary>
public sealed class ShopApp(Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"webapi-sample-{Guid.NewGuid():N}.db");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    // No pooling: every connection is really closed when its context is disposed, so the file can be deleted.
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();

    /// <summary>A client whose requests come from <paramref name="user"/> (null: anonymous), with <paramref name="roles"/>.</summary>
    public HttpClient ClientAs(string? user, string? roles = null)
    {
        var client = CreateClient();
        if (user is not null) client.DefaultRequestHeaders.Add("X-User", user);
        if (roles is not null) client.DefaultRequestHeaders.Add("X-Roles", roles);
        return client;
    }

    /// <summary>A context of its own, outside any request: what the database holds, committed.</summary>
    public ShopDb Database()
    {
        _ = Server; // the app creates and seeds the database as it starts
        return new ShopDb(new DbContextOptionsBuilder<ShopDb>().UseSqlite(ConnectionString).Options);
    }

    /// <summary>Rows in the order tables and the stock of each product, as committed.</summary>
    public async Task<Snapshot> SnapshotAsync()
    {
        await using var db = Database();
        return new Snapshot(
            await db.Orders.CountAsync(),
            await db.OrderLines.CountAsync(),
            (await db.Products.Select(product => new { product.Sku, product.Stock }).ToListAsync()).ToDictionary(p => p.Sku, p => p.Stock));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Shop", ConnectionString);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            services?.Invoke(s);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(_path);
    }
}

/// <summary>What the database holds: order rows, order line rows, and stock by SKU.</summary>
public sealed record Snapshot(int Orders, int OrderLines, IReadOnlyDictionary<string, int> Stock);
