using System.Diagnostics;
using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>Runs against the real broker with more than one consumer (issue 24's fault runs, as far as they go: see
/// docs/rabbitmq.md for what is not built).</summary>
public sealed class FaultTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.ConnectAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Two_consumers_on_one_queue_handle_each_message_once_between_them()
    {
        var first = new Deliveries();
        var second = new Deliveries();
        await using var one = Apps.Consumer(_broker, first);
        await using var two = Apps.Consumer(_broker, second);
        await Apps.StartAsync(one);
        await Apps.StartAsync(two);
        await using var producer = Apps.Producer(_broker);
        await using var scope = producer.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();

        const int count = 200;
        for (var id = 1; id <= count; id++)
        {
            await publisher.Publish(new OrderPlaced(id, Behaviour.Handle));
        }

        await Eventually(() => first.Handled.Count + second.Handled.Count >= count, $"{count} orders handled by the two consumers");
        await Apps.StopAsync(one);
        await Apps.StopAsync(two);

        Assert.Empty(first.Handled.Keys.Intersect(second.Handled.Keys));
        Assert.Equal(Enumerable.Range(1, count), first.Handled.Keys.Union(second.Handled.Keys).Order());
        Assert.All(first.Handled.Values.Concat(second.Handled.Values), times => Assert.Equal(1, times));
        // Both took part (prefetch 4 each, 200 messages): a queue that fed one consumer only would not show the point.
        Assert.NotEmpty(first.Handled);
        Assert.NotEmpty(second.Handled);
    }

    [Fact]
    public async Task A_broker_restart_mid_run_loses_no_confirmed_message_and_the_failed_publishes_are_typed_errors()
    {
        var node = Environment.GetEnvironmentVariable("MEDIATOR_RABBITMQ_NODE");
        if (string.IsNullOrEmpty(node))
        {
            Assert.Fail("MEDIATOR_RABBITMQ_NODE is not set: this test restarts the broker ./test.sh started. Run ./test.sh from the repository root.");
        }

        static void Quick(RabbitMqBuilder rabbit)
        {
            rabbit.Options.RecoveryInterval = TimeSpan.FromSeconds(1);
            rabbit.Options.ConfirmTimeout = TimeSpan.FromSeconds(5);
        }

        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled, configureBroker: Quick);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker, Quick);
        await using var scope = producer.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();

        // Publish one order after the other; an unconfirmed one is published again (the caller's move) until confirmed.
        // The broker is restarted after order 100; publishing goes on through the outage and 100 orders past it.
        var confirmed = new List<int>();
        var failures = new List<string>();
        Task? restart = null;
        var afterRestart = 0;
        for (var id = 1; restart is null || !restart.IsCompleted || afterRestart++ < 100; id++)
        {
            if (id == 101)
            {
                restart = Task.Run(() => RestartBrokerAsync(node!));
            }

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (true)
            {
                try
                {
                    await publisher.Publish(new OrderPlaced(id, Behaviour.Handle));
                    confirmed.Add(id);
                    break;
                }
                catch (RabbitMqPublishException error)
                {
                    failures.Add(error.InnerException?.GetType().Name ?? error.Message);
                    if (DateTime.UtcNow > deadline)
                    {
                        Assert.Fail($"Order {id} was not confirmed within 90 s of retries; last: {error.Message}");
                    }

                    await Task.Delay(100);
                }
            }
        }

        await restart!;
        await Eventually(() => confirmed.All(handled.Handled.ContainsKey), $"all {confirmed.Count} confirmed orders handled after the restart", TimeSpan.FromSeconds(90));
        await Apps.StopAsync(consumer);

        Assert.NotEmpty(failures);
        Assert.DoesNotContain(confirmed, id => !handled.Handled.ContainsKey(id));
        var duplicates = handled.Handled.Values.Sum(times => times - 1);
        output.WriteLine($"broker restart: {confirmed.Count} confirmed, {failures.Count} failed publishes retried ({string.Join(", ", failures.GroupBy(f => f).Select(g => g.Key + " x" + g.Count()))}), {duplicates} handled twice");
    }

    [Fact]
    public async Task A_consumer_killed_twice_mid_batch_handles_every_message_and_the_inbox_drops_the_redelivered_ones()
    {
        var node = Node();
        var file = Path.Combine(Path.GetTempPath(), "inbox-" + Guid.NewGuid().ToString("N") + ".db");
        var name = "consumer-" + Guid.NewGuid().ToString("N")[..8];
        var handled = new Deliveries();
        var records = new Records();
        try
        {
            await using var consumer = Apps.Consumer(
                _broker,
                handled,
                queue => queue.Prefetch = 16,
                rabbit =>
                {
                    rabbit.Options.ClientName = name;
                    rabbit.Options.RecoveryInterval = TimeSpan.FromSeconds(1);
                    rabbit.UseInbox(new AdoNetInboxStore(() => new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + file)));
                },
                services: s => s.AddSingleton<IRabbitMqDeliveryObserver>(records));
            await Apps.StartAsync(consumer);
            await using var producer = Apps.Producer(_broker);
            await using var scope = producer.CreateAsyncScope();
            var publisher = scope.ServiceProvider.GetRequiredService<IPublisher>();

            const int count = 500;
            for (var id = 1; id <= count; id++)
            {
                await publisher.Publish(new OrderPlaced(id, Behaviour.Slow));
            }

            // The broker closes the consumer's connection, as it does when the process dies: what it had not acked goes
            // back to the queue. The client reconnects (its recovery), and the consumer carries on from the queue.
            foreach (var at in new[] { 150, 300 })
            {
                await Eventually(() => handled.Handled.Count >= at, $"{at} orders handled");
                await KillConnectionAsync(node, name);
            }

            await Eventually(() => handled.Handled.Count == count, $"all {count} orders handled", TimeSpan.FromSeconds(120));
            await Apps.StopAsync(consumer);

            Assert.Equal(Enumerable.Range(1, count), handled.Handled.Keys.Order());
            // Redelivered messages whose handlers had run were dropped by the inbox: each handler ran once. (Here the
            // process lives on, so a message cannot come back before its id is written; a real crash between the
            // handler and that write would run it twice, the one-message window docs/rabbitmq.md names.)
            Assert.All(handled.Handled, pair => Assert.Equal(1, pair.Value));
            var duplicates = records.All.Count(r => r.Result == RabbitMqDeliveryResult.Duplicate);
            var handledTwice = handled.Handled.Values.Count(times => times > 1);
            output.WriteLine($"consumer killed twice: {count} orders, all handled; {duplicates} redelivered after their handlers ran and dropped by the inbox; {handledTwice} handled twice (killed between the handler and the inbox write)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static string Node()
    {
        var node = Environment.GetEnvironmentVariable("MEDIATOR_RABBITMQ_NODE");
        if (string.IsNullOrEmpty(node))
        {
            Assert.Fail("MEDIATOR_RABBITMQ_NODE is not set: this test drives the broker ./test.sh started. Run ./test.sh from the repository root.");
        }

        return node!;
    }

    /// <summary>Closes, from the broker, every connection whose client name is <paramref name="name"/>, once there is one
    /// (after an earlier kill the client needs a moment to reconnect).</summary>
    private static async Task KillConnectionAsync(string node, string name)
    {
        var deadline = DateTime.UtcNow + Broker.Patience;
        while (true)
        {
            var listing = await CtlAsync(node, "list_connections pid client_properties");
            var pids = listing.Split('\n').Where(line => line.Contains(name, StringComparison.Ordinal)).Select(line => line.Split('\t')[0].Trim()).ToList();
            if (pids.Count > 0)
            {
                foreach (var pid in pids)
                {
                    await CtlAsync(node, $"close_connection \"{pid}\" \"killed by the test\"");
                }

                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"No connection named {name} on the broker within {Broker.Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<string> CtlAsync(string node, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", $"-q -n {node} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {arguments} exited with {process.ExitCode}: {output}{error}");
        }

        return output;
    }

    private static async Task RestartBrokerAsync(string node)
    {
        foreach (var command in new[] { "stop_app", "start_app", "await_startup" })
        {
            using var process = Process.Start(new ProcessStartInfo("rabbitmqctl", $"-q -n {node} {command}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"rabbitmqctl {command} exited with {process.ExitCode}: {output}");
            }
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds (two apps' records: neither one's signal alone will do).</summary>
    private static async Task Eventually(Func<bool> done, string what, TimeSpan? patience = null)
    {
        var wait = patience ?? Broker.Patience;
        var deadline = DateTime.UtcNow + wait;
        while (!done())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {wait.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(20);
        }
    }
}
