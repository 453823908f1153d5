using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>
/// The mediator's own Publish of a routed notification (OrderPlaced is routed by CompiledRoutes.cs): the publish-side
/// middleware runs, then the generated hook hands it to the broker; the producer's compiled handler does not run there.
/// And the seed's hierarchy on both sides: broker, router and subscriber middleware in the consumer, publisher-side
/// envelope middleware (headers, routing key, body) in the producer.
/// </summary>
public sealed class MediatorPublishTests : IAsyncLifetime
{
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.ConnectAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task The_typed_overload_and_IPublisher_run_publish_side_middleware_then_send_to_the_broker()
    {
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled);
        await Apps.StartAsync(consumer);
        var producerDeliveries = new Deliveries();
        var producerTrail = new Trail();
        await using var producer = Apps.Producer(_broker, rabbit => rabbit.Use(new Recorder(producerTrail, "broker")), producerDeliveries, producerTrail);

        await using (var scope = producer.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Mediator>().Publish(new OrderPlaced(1, Behaviour.Handle));
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new OrderPlaced(2, Behaviour.Handle));
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish((object)new OrderPlaced(3, Behaviour.Handle));
        }

        await handled.WaitUntil(d => d.Handled.Count == 3, "orders 1 to 3 handled by the consumer");
        await Apps.StopAsync(consumer);

        Assert.Equal(new[] { 1, 2, 3 }, handled.Handled.Keys.Order());
        // In the producer: the mediator's publish-side middleware, then the transport's, three times; no handler ran.
        Assert.Equal(Enumerable.Repeat(new[] { "mediator publish-side", "broker publish" }, 3).SelectMany(s => s), producerTrail.Steps);
        Assert.Empty(producerDeliveries.Attempts);
    }

    [Fact]
    public async Task A_publish_no_queue_takes_fails_the_mediators_Publish_with_the_typed_error()
    {
        await using var producer = Apps.Producer(_broker);

        var error = await Assert.ThrowsAsync<RabbitMqPublishException>(
            () => Apps.PublishAsync(producer, new OrderPlaced(5, Behaviour.Handle)));

        Assert.Equal(typeof(OrderPlaced), error.MessageType);
        Assert.Contains("no queue is bound", error.Message);
    }

    [Fact]
    public async Task The_hierarchy_runs_in_order_on_both_sides_and_the_publisher_side_may_change_headers_and_body()
    {
        var consumerTrail = new Trail();
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(
            _broker,
            handled,
            queue => queue
                .Use(new Recorder(consumerTrail, "router"))
                .Subscribe<OrderPlaced>(subscriber => subscriber.Use(new Recorder(consumerTrail, "subscriber"))),
            rabbit => rabbit.Use(new Recorder(consumerTrail, "broker")),
            consumerTrail);
        await Apps.StartAsync(consumer);
        var producerTrail = new Trail();
        // The publisher-side middleware stamps a header and rewrites the body: order 1 leaves as order 101.
        var stamp = new Recorder(producerTrail, "broker")
        {
            StampHeader = "v1",
            RewriteBody = body => System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(body.Span).Replace("\"Id\":1,", "\"Id\":101,")),
        };
        await using var producer = Apps.Producer(_broker, rabbit => rabbit.Use(stamp), trail: producerTrail);

        await Apps.PublishAsync(producer, new OrderPlaced(1, Behaviour.Handle));

        await handled.WaitUntil(d => d.Handled.ContainsKey(101), "order 101 handled");
        await Apps.StopAsync(consumer);

        Assert.Equal(new[] { "mediator publish-side", "broker publish" }, producerTrail.Steps);
        Assert.Equal(
            new[]
            {
                "broker message (stamp v1)", "router message (stamp v1)", "subscriber message (stamp v1)",
                "mediator publish-side (consumed)",
                "subscriber message done", "router message done", "broker message done",
            },
            consumerTrail.Steps);
        Assert.False(handled.Handled.ContainsKey(1));
    }

    [Fact]
    public async Task A_publisher_side_middleware_may_change_the_routing_key()
    {
        var rerouted = _broker.Queue + ".rerouted";
        await _broker.DeclareQueueAsync(rerouted, _broker.Exchange, "order.rerouted");
        await using var producer = Apps.Producer(_broker, rabbit => rabbit.Use(new Recorder(new Trail(), "broker") { RouteTo = "order.rerouted" }));

        await Apps.PublishAsync(producer, new OrderPlaced(9, Behaviour.Handle));

        var message = await _broker.NextAsync(rerouted);
        Assert.Equal("order.rerouted", message.RoutingKey);
        Assert.Equal(new OrderPlaced(9, Behaviour.Handle), System.Text.Json.JsonSerializer.Deserialize(message.Body.Span, TestJson.Default.OrderPlaced));
    }

    [Fact]
    public async Task A_router_middleware_that_drops_sends_the_message_to_the_dead_letter_queue_before_any_handler()
    {
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled, queue => queue.Use(new DropAll()));
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);

        await Apps.PublishAsync(producer, new OrderPlaced(4, Behaviour.Handle));

        var dead = await _broker.NextDeadLetterAsync();
        await Apps.StopAsync(consumer);
        Assert.Equal(DeadLetterOutcomes.Dropped, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal("router says no", Broker.Header(dead, RabbitMqHeaders.Reason));
        Assert.Empty(handled.Attempts);
    }

    private sealed class DropAll : RabbitMqMiddleware
    {
        public override ValueTask OnMessageAsync(RabbitMqEnvelope message, RabbitMqNext next, CancellationToken cancellationToken)
            => throw new DropException("router says no");
    }
}
