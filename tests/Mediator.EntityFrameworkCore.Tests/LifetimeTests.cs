using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EfCoreTests;

/// <summary>
/// The middleware is scoped whatever the handler's lifetime: the bug it replaces was a singleton transaction middleware
/// holding a root-provider context that was not the one the handler saved through.
/// </summary>
public sealed class LifetimeTests : IDisposable
{
    private readonly SqliteFile _database = new();
    private readonly TransactionProbe _probe = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Behind_a_singleton_handler_the_transaction_still_runs_on_the_scopes_context()
    {
        await using var app = ShopApp.Build(_database, _probe);
        await using var scope = app.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new Ping());

        var started = Assert.Single(_probe.OfKind(TransactionEventKind.Started));
        Assert.Same(scope.ServiceProvider.GetRequiredService<ShopDb>(), started.Context);
        Assert.Single(_probe.OfKind(TransactionEventKind.Committed));
    }

    [Fact]
    public async Task Sending_from_the_root_provider_is_refused_before_anything_begins()
    {
        await using var app = ShopApp.Build(_database, _probe);

        var error = await Assert.ThrowsAsync<ScopeRequiredException>(() => app.GetRequiredService<ISender>().Send(new PlaceOrder("tea")).AsTask());

        Assert.Equal(typeof(PlaceOrder), error.MessageType);
        Assert.Empty(_probe.Events);
        Assert.Empty(_database.CommittedProducts());
    }

    [Fact]
    public async Task A_background_caller_gets_a_scope_and_a_transaction_per_dispatch()
    {
        await using var app = ShopApp.Build(_database, _probe);
        var mediator = app.GetRequiredService<ScopePerDispatchMediator>();

        await mediator.Send(new PlaceOrder("tea"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => mediator.Send(new PlaceOrder("cake", FailAfterSave: true)).AsTask());

        Assert.Equal(["tea"], _database.CommittedProducts());
        var visits = app.GetRequiredService<HandlerLog>().Visits.ToArray();
        Assert.NotSame(visits[0].Context, visits[1].Context);
        Assert.Equal(2, _probe.OfKind(TransactionEventKind.Started).Select(e => e.Context).Distinct().Count());
    }
}
