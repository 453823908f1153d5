using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FluentValidationTests;

/// <summary>The app's context: validators query it, handlers save through it.</summary>
public sealed class UsersDb(DbContextOptions<UsersDb> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
}

public sealed class User
{
    public int Id { get; set; }

    public required string Email { get; set; }
}

/// <summary>
/// A real SQLite database in memory, alive while its one connection is open: every context of the test shares it.
/// </summary>
public sealed class SqliteMemory : IDisposable
{
    public SqliteMemory()
    {
        Connection.Open();
        using var db = Open();
        db.Database.EnsureCreated();
    }

    public SqliteConnection Connection { get; } = new("Data Source=:memory:");

    public UsersDb Open() => new(new DbContextOptionsBuilder<UsersDb>().UseSqlite(Connection).Options);

    public void Dispose() => Connection.Dispose();
}
