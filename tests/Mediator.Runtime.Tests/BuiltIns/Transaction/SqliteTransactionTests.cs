using Mediator;
using Mediator.Transactions;
using Microsoft.Data.Sqlite;

namespace RuntimeTests.BuiltIns.Transaction;

public sealed record AddOrder(string Name);

/// <summary>The ADO.NET manager against a real SQLite database file.</summary>
public sealed class SqliteTransactionTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mediator-tx-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly string _connectionString;
    private readonly AmbientTransactionContext _context = new();
    private readonly TransactionMiddleware<AddOrder, int> _middleware;

    public SqliteTransactionTests()
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false }.ToString();
        using (var connection = new SqliteConnection(_connectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE orders (name TEXT NOT NULL)";
            create.ExecuteNonQuery();
        }

        var manager = new DbTransactionManager(SqliteFactory.Instance.CreateDataSource(_connectionString));
        _middleware = new TransactionMiddleware<AddOrder, int>(new TransactionalAttribute(), manager, _context);
    }

    public void Dispose() => File.Delete(_path);

    private ValueTask<int> Send(AddOrder order, Func<AddOrder, MessageContext, ValueTask<int>> handler, CancellationToken token = default)
        => _middleware.InvokeAsync(order, new TestNext<AddOrder, int>(handler), new MessageContext(typeof(AddOrder), token));

    /// <summary>The handler: writes the row through the ambient unit of work.</summary>
    private async ValueTask<int> Insert(AddOrder order, MessageContext context)
    {
        await using var command = _context.RequireDbUnitOfWork().CreateCommand();
        command.CommandText = "INSERT INTO orders (name) VALUES ($name)";
        command.Parameters.Add(new SqliteParameter("$name", order.Name));
        return await command.ExecuteNonQueryAsync(context.CancellationToken);
    }

    private List<string> Rows()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT name FROM orders ORDER BY rowid";
        using var reader = select.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public async Task Rows_written_by_a_succeeding_command_are_committed()
    {
        Assert.Equal(1, await Send(new AddOrder("kept"), Insert));

        Assert.Equal(["kept"], Rows());
        Assert.Null(_context.Current);
    }

    [Fact]
    public async Task Rows_written_by_a_failing_command_are_gone()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(new AddOrder("lost"), async (order, context) =>
        {
            await Insert(order, context);
            throw new InvalidOperationException("after the write");
        }).AsTask());

        Assert.Empty(Rows());
        Assert.Null(_context.Current);
    }

    [Fact]
    public async Task Rows_written_before_the_caller_cancelled_are_gone()
    {
        using var caller = new CancellationTokenSource();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Send(new AddOrder("cancelled"), async (order, context) =>
        {
            await Insert(order, context);
            caller.Cancel();
            context.CancellationToken.ThrowIfCancellationRequested();
            return 0;
        }, caller.Token).AsTask());

        Assert.Empty(Rows());
    }

    [Fact]
    public async Task A_transactional_send_inside_a_handler_joins_the_outer_transaction()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Send(new AddOrder("outer"), async (order, context) =>
        {
            await Insert(order, context);
            var outer = _context.Current;
            await Send(new AddOrder("inner"), (inner, innerContext) =>
            {
                Assert.Same(outer, _context.Current);
                return Insert(inner, innerContext);
            });
            throw new InvalidOperationException("the outer command fails after the inner one succeeded");
        }).AsTask());

        Assert.Empty(Rows());
    }

    [Fact]
    public async Task Committed_rows_equal_successful_commands()
    {
        for (var i = 0; i < 10; i++)
        {
            var fail = i % 3 == 0;
            var send = Send(new AddOrder("order " + i), async (order, context) =>
            {
                var written = await Insert(order, context);
                return fail ? throw new InvalidOperationException("odd one out") : written;
            });
            if (fail)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => send.AsTask());
            }
            else
            {
                await send;
            }
        }

        Assert.Equal(["order 1", "order 2", "order 4", "order 5", "order 7", "order 8"], Rows());
    }
}
