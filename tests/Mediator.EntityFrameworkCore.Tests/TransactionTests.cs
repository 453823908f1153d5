using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EfCoreTests;

/// <summary>
/// The middleware against a real SQLite database, through the generated mediator resolved from a scope as an ASP.NET
/// Core endpoint would: what the database holds afterwards (read through a context of its own), what the handler saw,
/// and what EF Core itself says began, committed and rolled back (<see cref="TransactionProbe"/>).
/// </summary>
public sealed class TransactionTests : IDisposable
{
    private readonly SqliteFile _database = new();
    private readonly TransactionProbe _probe = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_command_that_succeeds_is_committed_in_one_transaction()
    {
        await using var app = ShopApp.Build(_database, _probe);

        await SendInScopeAsync(app, new PlaceOrder("tea"));

        Assert.Equal(["tea"], _database.CommittedProducts());
        var started = Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        var committed = Assert.Single(_probe.OfKind(TransactionEventKind.Committed));
        Assert.Same(started.Transaction, committed.Transaction);
        Assert.Empty(_probe.OfKind(TransactionEventKind.RolledBack));
    }

    [Fact]
    public async Task Rows_written_by_a_failing_command_are_gone()
    {
        await using var app = ShopApp.Build(_database, _probe);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendInScopeAsync(app, new PlaceOrder("tea", FailAfterSave: true)));

        Assert.Empty(_database.CommittedProducts());
        var started = Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        Assert.Same(started.Transaction, Assert.Single(_probe.OfKind(TransactionEventKind.RolledBack)).Transaction);
        Assert.Empty(_probe.OfKind(TransactionEventKind.Committed));
    }

    [Fact]
    public async Task Without_Transactional_the_row_of_a_failing_command_stays()
    {
        // The control for the test above: the same handler, not wrapped, leaves its row behind and begins nothing.
        await using var app = ShopApp.Build(_database, _probe);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendInScopeAsync(app, new PlaceOrderWithoutTransaction("tea", FailAfterSave: true)));

        Assert.Equal(["tea"], _database.CommittedProducts());
        Assert.Empty(_probe.Events);
    }

    [Fact]
    public async Task The_handler_saves_through_the_context_and_transaction_the_middleware_began()
    {
        await using var app = ShopApp.Build(_database, _probe);
        await using var scope = app.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PlaceOrder("tea"));

        var visit = Assert.Single(app.GetRequiredService<HandlerLog>().Visits);
        var started = Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        Assert.Same(scope.ServiceProvider.GetRequiredService<ShopDb>(), visit.Context);
        Assert.Same(visit.Context, started.Context);
        Assert.NotNull(visit.Transaction);
        Assert.Same(started.Transaction, visit.Transaction);
    }

    [Fact]
    public async Task A_cancelled_send_rolls_back()
    {
        await using var app = ShopApp.Build(_database, _probe);
        using var caller = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SendInScopeAsync(app, new PlaceOrderThenCancel("tea", caller), caller.Token));

        Assert.Empty(_database.CommittedProducts());
        Assert.Single(_probe.OfKind(TransactionEventKind.RolledBack));
        Assert.Empty(_probe.OfKind(TransactionEventKind.Committed));
    }

    [Fact]
    public async Task A_send_from_inside_a_transactional_handler_joins_its_transaction()
    {
        await using var app = ShopApp.Build(_database, _probe);

        await SendInScopeAsync(app, new PlaceTwoOrders("tea", "cake", FailSecond: false));

        Assert.Equal(["cake", "tea"], _database.CommittedProducts());
        var started = Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        Assert.Single(_probe.OfKind(TransactionEventKind.Committed));
        var visits = app.GetRequiredService<HandlerLog>().Visits.ToArray();
        Assert.Equal(2, visits.Length);
        Assert.All(visits, visit => Assert.Same(started.Transaction, visit.Transaction));
        Assert.All(visits, visit => Assert.Same(started.Context, visit.Context));
    }

    [Fact]
    public async Task A_failing_inner_send_rolls_back_the_outer_handlers_writes_too()
    {
        await using var app = ShopApp.Build(_database, _probe);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SendInScopeAsync(app, new PlaceTwoOrders("tea", "cake", FailSecond: true)));

        Assert.Empty(_database.CommittedProducts());
        Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        Assert.Single(_probe.OfKind(TransactionEventKind.RolledBack));
    }

    [Fact]
    public async Task A_transaction_the_app_began_is_joined_and_left_to_the_app()
    {
        await using var app = ShopApp.Build(_database, _probe);
        await using var scope = app.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
        await using var own = await db.Database.BeginTransactionAsync();

        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new PlaceOrder("tea"));
        Assert.Same(own, db.Database.CurrentTransaction); // not committed or ended by the middleware
        await own.RollbackAsync();

        Assert.Empty(_database.CommittedProducts());
        Assert.Same(own.GetDbTransaction(), Assert.Single(app.GetRequiredService<HandlerLog>().Visits).Transaction);
        Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        Assert.Empty(_probe.OfKind(TransactionEventKind.Committed));
    }

    [Fact]
    public async Task The_isolation_level_of_Transactional_reaches_the_database_transaction()
    {
        using var database = new SqliteFile(sharedCache: true);
        await using var app = ShopApp.Build(database, _probe);

        await SendInScopeAsync(app, new ReadUncommittedOrder("tea"));
        await SendInScopeAsync(app, new SerializableOrder("cake"));

        var visits = app.GetRequiredService<HandlerLog>().Visits.ToArray();
        Assert.Equal(System.Data.IsolationLevel.ReadUncommitted, visits[0].Transaction!.IsolationLevel);
        Assert.Equal(System.Data.IsolationLevel.Serializable, visits[1].Transaction!.IsolationLevel);
        Assert.Equal(["cake", "tea"], database.CommittedProducts());
    }

    private static async Task SendInScopeAsync<TResponse>(IServiceProvider app, IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        await using var scope = app.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
    }

    private static async Task SendInScopeAsync(IServiceProvider app, IRequest request, CancellationToken cancellationToken = default)
    {
        await using var scope = app.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(request, cancellationToken);
    }
}
