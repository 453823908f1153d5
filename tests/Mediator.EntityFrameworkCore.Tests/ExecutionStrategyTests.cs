using Mediator;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace EfCoreTests;

/// <summary>
/// The unit of work under a retrying execution strategy (<see cref="RetryingStrategy"/>): each attempt gets a new
/// transaction, the handler again and a clean change tracker, and only the attempt that succeeds leaves rows behind.
/// </summary>
public sealed class ExecutionStrategyTests : IDisposable
{
    private readonly SqliteFile _database = new();
    private readonly TransactionProbe _probe = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_retrying_strategy_reruns_the_whole_unit_and_keeps_only_the_last_attempts_writes()
    {
        await using var app = ShopApp.Build(_database, _probe, maxRetryCount: 3);

        await SendInScopeAsync(app, new FlakyOrder("tea", FailingAttempts: 2));

        // Not "attempt 1"/"attempt 2" (saved, then rolled back) nor "unsaved 1"/"unsaved 2" (left added in the tracker).
        Assert.Equal(["tea"], _database.CommittedProducts());
        var visits = app.GetRequiredService<HandlerLog>().Visits.ToArray();
        Assert.Equal(["attempt 1", "attempt 2", "tea"], visits.Select(visit => visit.Product));
        Assert.Equal(3, visits.Select(visit => visit.Transaction).Distinct().Count());
        Assert.Single(visits.Select(visit => visit.Context).Distinct());
        Assert.Equal(3, _probe.OfKind(TransactionEventKind.Started).Count());
        Assert.Equal(2, _probe.OfKind(TransactionEventKind.RolledBack).Count());
        Assert.Same(visits[2].Transaction, Assert.Single(_probe.OfKind(TransactionEventKind.Committed)).Transaction);
    }

    [Fact]
    public async Task When_the_strategy_gives_up_nothing_is_committed()
    {
        await using var app = ShopApp.Build(_database, _probe, maxRetryCount: 2);

        var failure = await Assert.ThrowsAsync<RetryLimitExceededException>(() => SendInScopeAsync(app, new FlakyOrder("tea", FailingAttempts: 10)));

        Assert.IsType<TransientFailure>(failure.InnerException);
        Assert.Empty(_database.CommittedProducts());
        Assert.Equal(3, _probe.OfKind(TransactionEventKind.Started).Count());
        Assert.Equal(3, _probe.OfKind(TransactionEventKind.RolledBack).Count());
        Assert.Empty(_probe.OfKind(TransactionEventKind.Committed));
    }

    [Fact]
    public async Task Without_a_retrying_strategy_the_first_failure_ends_the_send()
    {
        await using var app = ShopApp.Build(_database, _probe);

        await Assert.ThrowsAsync<TransientFailure>(() => SendInScopeAsync(app, new FlakyOrder("tea", FailingAttempts: 1)));

        Assert.Empty(_database.CommittedProducts());
        Assert.Single(_probe.OfKind(TransactionEventKind.RolledBack));
    }

    private static async Task SendInScopeAsync(IServiceProvider app, IRequest request)
    {
        await using var scope = app.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }
}
