using System.Text;
using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>
/// Publish in one app, consume in another, through a real broker: the outcomes of issue 24's first increment.
/// </summary>
public sealed class TransportTests : IAsyncLifetime
{
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.ConnectAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Published_orders_are_handled_once_each_in_a_scope_of_their_own_and_acked()
    {
        var deliveries = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, deliveries);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);
        var publisher = producer.GetRequiredService<RabbitMqPublisher>();

        for (var id = 1; id <= 20; id++)
        {
            await publisher.PublishAsync(new OrderPlaced(id, Behaviour.Handle));
        }

        await deliveries.WaitUntil(d => d.Handled.Count == 20, "20 orders handled");
        await Apps.StopAsync(consumer);

        Assert.Equal(Enumerable.Range(1, 20), deliveries.Handled.Keys.Order());
        Assert.All(deliveries.Handled.Values, count => Assert.Equal(1, count));
        Assert.Equal(20, deliveries.Attempts.Select(a => a.Scope).Distinct().Count());
        Assert.Equal(0u, await _broker.CountAsync(_broker.Queue));
        Assert.Equal(0u, await _broker.CountAsync(RabbitMqTopology.DeadLetterQueue(_broker.Queue)));
    }

    [Fact]
    public async Task A_drop_goes_to_the_dead_letter_queue_with_its_reason_and_the_consumer_carries_on()
    {
        var deliveries = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, deliveries);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);
        var publisher = producer.GetRequiredService<RabbitMqPublisher>();

        await publisher.PublishAsync(new OrderPlaced(1, Behaviour.Drop));
        await publisher.PublishAsync(new OrderPlaced(2, Behaviour.Handle));

        var dead = await _broker.NextDeadLetterAsync();
        await deliveries.WaitUntil(d => d.Handled.ContainsKey(2), "order 2 handled");
        await Apps.StopAsync(consumer);

        Assert.Equal(DeadLetterOutcomes.Dropped, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal("order 1 is a test drop", Broker.Header(dead, RabbitMqHeaders.Reason));
        Assert.Equal(typeof(DropException).FullName, Broker.Header(dead, RabbitMqHeaders.ExceptionType));
        Assert.Equal(new OrderPlaced(1, Behaviour.Drop), System.Text.Json.JsonSerializer.Deserialize(dead.Body.Span, TestJson.Default.OrderPlaced));
        Assert.Single(deliveries.Attempts, a => a.Id == 1);
        Assert.False(deliveries.Handled.ContainsKey(1));
    }

    [Fact]
    public async Task A_retry_is_redelivered_with_exponential_back_off_up_to_the_bound_then_dead_lettered()
    {
        var deliveries = new Deliveries();
        var first = TimeSpan.FromMilliseconds(500);
        await using var consumer = Apps.Consumer(_broker, deliveries, options =>
        {
            options.MaxAttempts = 3;
            options.FirstRetryDelay = first;
        });
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);
        var publisher = producer.GetRequiredService<RabbitMqPublisher>();

        await publisher.PublishAsync(new OrderPlaced(7, Behaviour.Retry));
        // Published after the retry: handled while order 7 waits in a retry queue, so waiting does not block the consumer.
        await publisher.PublishAsync(new OrderPlaced(8, Behaviour.Handle));

        var dead = await _broker.NextDeadLetterAsync();
        await Apps.StopAsync(consumer);

        var attempts = deliveries.Attempts.Where(a => a.Id == 7).Select(a => a.At).ToArray();
        Assert.Equal(3, attempts.Length);
        Assert.True(attempts[1] - attempts[0] >= first, $"first back-off {(attempts[1] - attempts[0]).TotalMilliseconds} ms, expected at least {first.TotalMilliseconds} ms");
        Assert.True(attempts[2] - attempts[1] >= 2 * first, $"second back-off {(attempts[2] - attempts[1]).TotalMilliseconds} ms, expected at least {2 * first.TotalMilliseconds} ms");
        var handledEight = deliveries.Attempts.Single(a => a.Id == 8).At;
        Assert.True(handledEight < attempts[1], "order 8 should be handled while order 7 waits for its first retry");
        Assert.Equal(DeadLetterOutcomes.RetriesExhausted, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal("3", Broker.Header(dead, RabbitMqHeaders.Attempt));
        Assert.Contains("order 7 asks for a retry", Broker.Header(dead, RabbitMqHeaders.Reason));
        Assert.Equal(typeof(RetryException).FullName, Broker.Header(dead, RabbitMqHeaders.ExceptionType));
    }

    [Fact]
    public async Task Another_exception_is_dead_lettered_at_once_by_default()
    {
        var deliveries = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, deliveries);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);

        await producer.GetRequiredService<RabbitMqPublisher>().PublishAsync(new OrderPlaced(3, Behaviour.Throw));

        var dead = await _broker.NextDeadLetterAsync();
        await Apps.StopAsync(consumer);

        Assert.Equal(DeadLetterOutcomes.Failed, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal(typeof(InvalidOperationException).FullName, Broker.Header(dead, RabbitMqHeaders.ExceptionType));
        Assert.Equal("order 3 is a bug", Broker.Header(dead, RabbitMqHeaders.Reason));
        Assert.Single(deliveries.Attempts);
    }

    [Fact]
    public async Task A_body_that_does_not_deserialize_is_dead_lettered_and_the_next_message_is_handled()
    {
        var deliveries = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, deliveries);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);

        await _broker.PublishRawAsync(Encoding.UTF8.GetBytes("{ not json"));
        await producer.GetRequiredService<RabbitMqPublisher>().PublishAsync(new OrderPlaced(4, Behaviour.Handle));

        var dead = await _broker.NextDeadLetterAsync();
        await deliveries.WaitUntil(d => d.Handled.ContainsKey(4), "order 4 handled");
        await Apps.StopAsync(consumer);

        Assert.Equal(DeadLetterOutcomes.Undeserializable, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Equal("{ not json", Encoding.UTF8.GetString(dead.Body.Span));
        Assert.Equal(new[] { 4 }, deliveries.Attempts.Select(a => a.Id));
    }

    [Fact]
    public async Task Shutdown_mid_message_requeues_it_and_a_restarted_consumer_handles_every_message()
    {
        var first = new Deliveries { BlockWhenAsked = true };
        var consumer = Apps.Consumer(_broker, first);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);
        var publisher = producer.GetRequiredService<RabbitMqPublisher>();

        await publisher.PublishAsync(new OrderPlaced(1, Behaviour.BlockUntilStopped));
        for (var id = 2; id <= 10; id++)
        {
            await publisher.PublishAsync(new OrderPlaced(id, Behaviour.Handle));
        }

        await first.Blocking.Task.WaitAsync(Broker.Patience);
        await Apps.StopAsync(consumer);
        await consumer.DisposeAsync();

        var second = new Deliveries();
        await using var restarted = Apps.Consumer(_broker, second);
        await Apps.StartAsync(restarted);
        await second.WaitUntil(d => d.Handled.Keys.Union(first.Handled.Keys).Count() == 10, "all 10 orders handled across both runs");
        await Apps.StopAsync(restarted);

        Assert.False(first.Handled.ContainsKey(1));
        Assert.True(second.Handled.ContainsKey(1), "the message in progress at shutdown was not redelivered");
        Assert.Equal(Enumerable.Range(1, 10), first.Handled.Keys.Union(second.Handled.Keys).Order());
        Assert.Equal(0u, await _broker.CountAsync(RabbitMqTopology.DeadLetterQueue(_broker.Queue)));
    }

    [Fact]
    public async Task A_publish_no_queue_takes_is_a_typed_error_the_caller_can_retry()
    {
        await using var producer = Apps.Producer(_broker);

        var error = await Assert.ThrowsAsync<RabbitMqPublishException>(
            () => producer.GetRequiredService<RabbitMqPublisher>().PublishAsync(new OrderPlaced(5, Behaviour.Handle)).AsTask());

        Assert.Equal(typeof(OrderPlaced), error.MessageType);
        Assert.Equal(_broker.Exchange, error.Exchange);
        Assert.Contains("no queue is bound", error.Message);
    }
}
