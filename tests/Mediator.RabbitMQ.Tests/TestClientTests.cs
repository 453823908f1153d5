using System.Text;
using System.Text.Json;
using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>
/// The in-memory test client (the seed's PubSubTestClient): no broker, the same outcomes and records as the broker
/// tests, through the same middleware, inbox and handler pipelines. One app publishes and consumes.
/// </summary>
public sealed class TestClientTests
{
    private const string Queue = "billing";

    private static (ServiceProvider App, RabbitMqTestClient Client, Deliveries Handled) App(Action<RabbitMqConsumerOptions>? configure = null, Action<RabbitMqBuilder>? configureBroker = null)
    {
        var handled = new Deliveries();
        var services = new ServiceCollection();
        services.AddSingleton(handled);
        services.AddSingleton(new Trail());
        services.AddScoped<ScopeProbe>();
        services.AddMediator();
        // A URI nothing listens on: the test client replaces the broker, so nothing connects.
        services.AddMediatorRabbitMq(new Uri("amqp://guest:guest@127.0.0.1:1/"), rabbit =>
        {
            rabbit.Route("shop", "order.placed", TestJson.Default.OrderPlaced);
            configureBroker?.Invoke(rabbit);
            rabbit.Consume(Queue, queue =>
            {
                queue.Subscribe<OrderPlaced>();
                configure?.Invoke(queue);
            });
        });
        services.AddRabbitMqTestClient();
        var app = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        return (app, app.GetRequiredService<RabbitMqTestClient>(), handled);
    }

    [Fact]
    public async Task A_published_order_is_handled_and_recorded()
    {
        var (app, client, handled) = App();
        await using var _ = app;

        await Apps.PublishAsync(app, new OrderPlaced(1, Behaviour.Handle));

        var record = Assert.Single(client.Results);
        Assert.Equal((Queue, RabbitMqDeliveryResult.Handled, 1), (record.Queue, record.Result, record.Attempt));
        Assert.Equal(1, handled.Handled[1]);
        Assert.Equal("order.placed", Assert.Single(client.Published).RoutingKey);
    }

    [Fact]
    public async Task A_drop_is_dead_lettered_with_its_reason()
    {
        var (app, client, handled) = App();
        await using var _ = app;

        await Apps.PublishAsync(app, new OrderPlaced(2, Behaviour.Drop));

        var record = Assert.Single(client.Results);
        Assert.Equal((RabbitMqDeliveryResult.DeadLettered, DeadLetterOutcomes.Dropped, "order 2 is a test drop"), (record.Result, record.DeadLetterOutcome, record.Reason));
        var dead = Assert.Single(client.DeadLetters(Queue));
        Assert.Equal(DeadLetterOutcomes.Dropped, dead.GetHeader(RabbitMqHeaders.Outcome));
        Assert.Equal(typeof(DropException).FullName, dead.GetHeader(RabbitMqHeaders.ExceptionType));
        Assert.False(handled.Handled.ContainsKey(2));
    }

    [Fact]
    public async Task A_retry_is_redelivered_with_the_back_off_recorded_up_to_the_bound_then_dead_lettered()
    {
        var (app, client, handled) = App(queue =>
        {
            queue.MaxAttempts = 3;
            queue.FirstRetryDelay = TimeSpan.FromSeconds(1);
        });
        await using var _ = app;

        await Apps.PublishAsync(app, new OrderPlaced(3, Behaviour.Retry));

        Assert.Equal(
            new[]
            {
                (1, RabbitMqDeliveryResult.RetryScheduled, TimeSpan.FromSeconds(1), (string?)null),
                (2, RabbitMqDeliveryResult.RetryScheduled, TimeSpan.FromSeconds(2), null),
                (3, RabbitMqDeliveryResult.DeadLettered, TimeSpan.Zero, DeadLetterOutcomes.RetriesExhausted),
            },
            client.Results.Select(r => (r.Attempt, r.Result, r.RetryDelay, r.DeadLetterOutcome)));
        Assert.Equal(3, handled.Attempts.Count(a => a.Id == 3));
        Assert.Equal("3", Assert.Single(client.DeadLetters(Queue)).GetHeader(RabbitMqHeaders.Attempt));
    }

    [Fact]
    public async Task Another_exception_is_dead_lettered_at_once()
    {
        var (app, client, _) = App();
        await using var __ = app;

        await Apps.PublishAsync(app, new OrderPlaced(4, Behaviour.Throw));

        var record = Assert.Single(client.Results);
        Assert.Equal((RabbitMqDeliveryResult.DeadLettered, DeadLetterOutcomes.Failed), (record.Result, record.DeadLetterOutcome));
        Assert.IsType<InvalidOperationException>(record.Exception);
    }

    [Fact]
    public async Task A_body_that_does_not_deserialize_is_dead_lettered()
    {
        var (app, client, handled) = App();
        await using var _ = app;

        await client.DeliverAsync(new RabbitMqEnvelope("shop", "order.placed", Encoding.UTF8.GetBytes("{ not json")) { Type = typeof(OrderPlaced).FullName });

        var record = Assert.Single(client.Results);
        Assert.Equal((RabbitMqDeliveryResult.DeadLettered, DeadLetterOutcomes.Undeserializable), (record.Result, record.DeadLetterOutcome));
        Assert.Empty(handled.Attempts);
    }

    [Fact]
    public async Task A_publish_no_queue_takes_fails_as_on_the_broker()
    {
        var (app, _, _) = App(queue => queue.Subscriptions.Clear());
        await using var __ = app;

        var error = await Assert.ThrowsAsync<RabbitMqPublishException>(() => Apps.PublishAsync(app, new OrderPlaced(5, Behaviour.Handle)));
        Assert.Contains("no queue is bound", error.Message);
    }

    [Fact]
    public async Task The_inbox_drops_a_second_delivery_of_one_message_id()
    {
        var (app, client, handled) = App(configureBroker: rabbit => rabbit.UseInbox(new InMemoryInboxStore()));
        await using var _ = app;
        var body = JsonSerializer.SerializeToUtf8Bytes(new OrderPlaced(6, Behaviour.Handle), TestJson.Default.OrderPlaced);

        for (var i = 0; i < 2; i++)
        {
            await client.DeliverAsync(new RabbitMqEnvelope("shop", "order.placed", body) { Type = typeof(OrderPlaced).FullName, MessageId = "order-6" });
        }

        Assert.Equal(new[] { RabbitMqDeliveryResult.Handled, RabbitMqDeliveryResult.Duplicate }, client.Results.Select(r => r.Result));
        Assert.Equal(1, handled.Handled[6]);
    }

    [Fact]
    public async Task GZip_compresses_what_is_published_and_the_consumer_decompresses_it()
    {
        var (app, client, handled) = App(configureBroker: rabbit => rabbit.Use(new GZipMiddleware()));
        await using var _ = app;

        await Apps.PublishAsync(app, new OrderPlaced(7, Behaviour.Handle));

        var sent = Assert.Single(client.Published);
        Assert.Equal("gzip", sent.ContentEncoding);
        Assert.Equal(new byte[] { 0x1f, 0x8b }, sent.Body.Slice(0, 2).ToArray());
        Assert.Equal(1, handled.Handled[7]);
    }

    [Theory]
    [InlineData("order.placed", "order.placed", true)]
    [InlineData("order.*", "order.placed", true)]
    [InlineData("order.*", "order.placed.eu", false)]
    [InlineData("order.#", "order.placed.eu", true)]
    [InlineData("#", "anything.at.all", true)]
    [InlineData("order.placed", "order.shipped", false)]
    public void Topic_bindings_match_as_the_broker_matches_them(string pattern, string key, bool matches)
        => Assert.Equal(matches, RabbitMqTopology.TopicMatches(pattern, key));
}
