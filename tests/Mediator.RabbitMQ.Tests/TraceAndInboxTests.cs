using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>The W3C trace context and the message id in the headers: the consumer's span continues the publisher's
/// trace; the inbox drops a second delivery of one message id.</summary>
public sealed class TraceAndInboxTests : IAsyncLifetime
{
    private static readonly ActivitySource Tests = new("RabbitMqTests");
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.ConnectAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task The_consumers_span_continues_the_publishers_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is RabbitMqTelemetry.SourceName or "RabbitMqTests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);

        ActivityTraceId traceId;
        using (var request = Tests.StartActivity("a request in the producer"))
        {
            traceId = request!.TraceId;
            await Apps.PublishAsync(producer, new OrderPlaced(31, Behaviour.Handle));
        }

        await handled.WaitUntil(d => d.Handled.ContainsKey(31), "order 31 handled");
        await Apps.StopAsync(consumer);

        var publish = Assert.Single(stopped, a => a.Source.Name == RabbitMqTelemetry.SourceName && a.Kind == ActivityKind.Producer);
        var process = Assert.Single(stopped, a => a.Source.Name == RabbitMqTelemetry.SourceName && a.Kind == ActivityKind.Consumer);
        Assert.Equal(traceId, publish.TraceId);
        Assert.Equal(traceId, process.TraceId);
        Assert.Equal(publish.SpanId, process.ParentSpanId);
        // The handler ran inside the consumer's span: same trace, its parent the consumer span or a child of it.
        Assert.Equal(traceId, handled.Traces[31].TraceId);
        Assert.Equal(_broker.Queue + " process", process.DisplayName);
        Assert.NotNull(process.GetTagItem("messaging.message.id"));
    }

    [Fact]
    public async Task The_in_memory_inbox_handles_a_message_id_delivered_twice_once()
    {
        var handled = new Deliveries();
        var records = new Records();
        await using var consumer = Apps.Consumer(_broker, handled, configureBroker: rabbit => rabbit.UseInbox(new InMemoryInboxStore()), services: s => s.AddSingleton<IRabbitMqDeliveryObserver>(records));
        await Apps.StartAsync(consumer);

        var body = JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced(41, Behaviour.Handle), TestJson.Default.OrderPlaced);
        await _broker.PublishRawAsync(body, messageId: "order-41");
        await _broker.PublishRawAsync(body, messageId: "order-41");
        await _broker.PublishRawAsync(JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced(42, Behaviour.Handle), TestJson.Default.OrderPlaced), messageId: "order-42");

        await handled.WaitUntil(d => d.Handled.ContainsKey(42), "order 42 handled");
        await records.WaitForCount(3, "three deliveries settled");
        await Apps.StopAsync(consumer);

        Assert.Equal(1, handled.Handled[41]);
        Assert.Equal(
            new[] { ("order-41", RabbitMqDeliveryResult.Handled), ("order-41", RabbitMqDeliveryResult.Duplicate), ("order-42", RabbitMqDeliveryResult.Handled) },
            records.All.Select(r => (r.MessageId!, r.Result)));
    }

    [Fact]
    public async Task The_sqlite_inbox_drops_a_duplicate_even_after_the_consumer_restarts()
    {
        var file = Path.Combine(Path.GetTempPath(), "inbox-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced(51, Behaviour.Handle), TestJson.Default.OrderPlaced);
            var first = new Deliveries();
            var firstRecords = new Records();
            await using (var consumer = SqliteConsumer(first, file, firstRecords))
            {
                await Apps.StartAsync(consumer);
                await _broker.PublishRawAsync(body, messageId: "order-51");
                await first.WaitUntil(d => d.Handled.ContainsKey(51), "order 51 handled");
                await firstRecords.WaitForCount(1, "order 51 settled");
                await Apps.StopAsync(consumer);
            }

            // A new process (a new container and store over the same database) gets the same message again.
            var second = new Deliveries();
            var records = new Records();
            await using (var restarted = SqliteConsumer(second, file, records))
            {
                await Apps.StartAsync(restarted);
                await _broker.PublishRawAsync(body, messageId: "order-51");
                await _broker.PublishRawAsync(JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced(52, Behaviour.Handle), TestJson.Default.OrderPlaced), messageId: "order-52");
                await second.WaitUntil(d => d.Handled.ContainsKey(52), "order 52 handled");
                await records.WaitForCount(2, "the duplicate and order 52 settled");
                await Apps.StopAsync(restarted);
            }

            Assert.False(second.Handled.ContainsKey(51));
            Assert.Equal(new[] { RabbitMqDeliveryResult.Duplicate, RabbitMqDeliveryResult.Handled }, records.All.Select(r => r.Result));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private ServiceProvider SqliteConsumer(Deliveries deliveries, string file, Records records)
        => Apps.Consumer(
            _broker,
            deliveries,
            configureBroker: rabbit => rabbit.UseInbox(new AdoNetInboxStore(() => new SqliteConnection("Data Source=" + file))),
            services: s => s.AddSingleton<IRabbitMqDeliveryObserver>(records));
}
