using Mediator.Testing.Tests.Fakes;

namespace Mediator.Testing.Tests;

public sealed class ConcurrencyTests
{
    private const int Parallel = 50;

    [Fact]
    public async Task Fifty_parallel_sends_each_get_their_own_exact_record()
    {
        using var client = Clients.Create();

        // Every Ping waits, between middleware B and its handler, until all fifty are there: they are truly in
        // flight at once, with their middleware steps reported before any handler runs.
        var arrived = 0;
        var allThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Behaviour().BeforePingHandler = () =>
        {
            if (Interlocked.Increment(ref arrived) == Parallel)
            {
                allThere.SetResult();
            }

            return allThere.Task;
        };

        var pongs = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i => Task.Run(() => client.Send(new Ping(i)).AsTask())));

        Assert.Equal(Enumerable.Range(0, Parallel), pongs.Select(p => p.Id));
        Assert.Equal(Parallel, client.Dispatches.Count);
        Assert.Equal(Enumerable.Range(0, Parallel), client.Dispatches.Select(d => ((Ping)d.Message).Id).Order());
        var expectedSteps = new[]
        {
            DispatchStep.Middleware(typeof(MiddlewareA<Ping, Pong>), typeof(Ping)),
            DispatchStep.Middleware(typeof(MiddlewareB<Ping, Pong>), typeof(Ping)),
            DispatchStep.Handler(typeof(PingHandler), typeof(Ping)),
        };
        Assert.All(client.Dispatches, record =>
        {
            Assert.Equal(expectedSteps, record.Steps);
            Assert.Equal(new Pong(((Ping)record.Message).Id), record.Response);
            Assert.Equal(MessageOutcome.Completed, record.Outcome);
            Assert.Null(record.Parent);
        });
        Assert.True(client.Unattributed.IsEmpty);
    }

    [Fact]
    public async Task Parallel_publishes_and_streams_do_not_mix_their_records()
    {
        using var client = Clients.Create();

        var work = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            if (i % 2 == 0)
            {
                await Assert.ThrowsAsync<PublishException>(() => client.Publish(new OrderPlaced(Concurrent: true)).AsTask());
            }
            else
            {
                await foreach (var _ in client.CreateStream(new Countdown(3)))
                {
                }
            }
        }));
        await Task.WhenAll(work);

        Assert.Equal(20, client.Dispatches.Count);
        Assert.All(client.DispatchesOf<OrderPlaced>(), r => Assert.Equal((7, 2), (r.Steps.Count, r.Handlers.Count)));
        Assert.All(client.DispatchesOf<Countdown>(), r => Assert.Equal((5, 3, 3), (r.Steps.Count, r.Handlers.Count, r.Items.Count)));
        Assert.Equal(10, client.DispatchesOf<OrderPlaced>().Count);
        Assert.Equal(10, client.DispatchesOf<Countdown>().Count);
        Assert.True(client.Unattributed.IsEmpty);
    }
}
