using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EfCoreTests;

/// <summary>
/// A real SQLite database in a file of its own, one per test, deleted afterwards. A file rather than a shared in-memory
/// database because concurrent scopes open one connection each, and only a file lets SQLite serialise their write
/// transactions with its busy handler instead of failing them with SQLITE_LOCKED.
/// </summary>
public sealed class SqliteFile : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"mediator-efcore-{Guid.NewGuid():N}.db");

    /// <param name="sharedCache">
    /// SQLite's shared cache, which it needs before it grants <c>ReadUncommitted</c> (without it, Microsoft.Data.Sqlite
    /// answers every level with <c>Serializable</c>). Off by default: concurrent writers on a shared cache fail with
    /// SQLITE_LOCKED instead of waiting their turn.
    /// </param>
    public SqliteFile(bool sharedCache = false)
    {
        // No pooling: every context's connection is really closed when the scope ends, so the file can be deleted.
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Pooling = false,
            Cache = sharedCache ? SqliteCacheMode.Shared : SqliteCacheMode.Default,
        }.ToString();
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public string ConnectionString { get; }

    /// <summary>A context of its own, outside any scope or transaction: what another request would read afterwards.</summary>
    public ShopDb Open() => new(new DbContextOptionsBuilder<ShopDb>().UseSqlite(ConnectionString).Options);

    /// <summary>The products committed to the database, sorted.</summary>
    public List<string> CommittedProducts()
    {
        using var db = Open();
        return db.Orders.Select(order => order.Product).AsEnumerable().Order(StringComparer.Ordinal).ToList();
    }

    public void Dispose() => File.Delete(_path);
}
