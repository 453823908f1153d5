using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace EfCoreTests;

/// <summary>
/// Requests served at the same time, each in its own scope, as a web app serves them: every scope's handler gets that
/// scope's context and a transaction of its own, and one request's failure takes only its own rows with it.
/// </summary>
public sealed class ConcurrentScopeTests : IDisposable
{
    private const int Scopes = 64;

    private readonly SqliteFile _database = new();
    private readonly TransactionProbe _probe = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Concurrent_scopes_get_separate_contexts_and_transactions()
    {
        await using var app = ShopApp.Build(_database, _probe);
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, Scopes).Select(i => Task.Run(async () =>
        {
            await using var scope = app.CreateAsyncScope();
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            var product = $"order {i:D2}";
            start.Wait();
            try
            {
                await sender.Send(new PlaceOrder(product, FailAfterSave: i % 4 == 0));
            }
            catch (InvalidOperationException) when (i % 4 == 0)
            {
            }

            // Read while the scope is alive: the handler must have used this scope's context.
            var visit = Assert.Single(app.GetRequiredService<HandlerLog>().Visits, v => v.Product == product);
            Assert.Same(scope.ServiceProvider.GetRequiredService<ShopDb>(), visit.Context);
        })).ToArray();
        start.Set();
        await Task.WhenAll(requests);

        var visits = app.GetRequiredService<HandlerLog>().Visits.ToArray();
        Assert.Equal(Scopes, visits.Select(visit => visit.Context).Distinct().Count());
        Assert.Equal(Scopes, visits.Select(visit => visit.Transaction).Distinct().Count());
        var started = _probe.OfKind(TransactionEventKind.Started).ToDictionary(e => e.Transaction!, e => e.Context);
        Assert.Equal(Scopes, started.Count);
        Assert.All(visits, visit => Assert.Same(visit.Context, started[visit.Transaction!]));
        var expected = Enumerable.Range(0, Scopes).Where(i => i % 4 != 0).Select(i => $"order {i:D2}");
        Assert.Equal(expected, _database.CommittedProducts());
    }
}
