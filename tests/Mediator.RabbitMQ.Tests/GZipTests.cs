using System.IO.Compression;
using System.Text;
using Mediator;
using Mediator.RabbitMQ;
using Microsoft.Extensions.DependencyInjection;

namespace RabbitMqTests;

/// <summary>GZip for envelopes, announced by content-encoding: what travels is compressed, consumers decompress only
/// what says it was compressed.</summary>
public sealed class GZipTests : IAsyncLifetime
{
    private Broker _broker = null!;

    public async Task InitializeAsync() => _broker = await Broker.ConnectAsync();

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_compressed_publish_travels_as_gzip_and_is_handled_by_a_consumer_with_the_middleware()
    {
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled, configureBroker: rabbit => rabbit.Use(new GZipMiddleware()));
        await Apps.StartAsync(consumer);
        var tap = _broker.Queue + ".tap";
        await _broker.DeclareQueueAsync(tap, _broker.Exchange, "order.placed");
        await using var producer = Apps.Producer(_broker, rabbit => rabbit.Use(new GZipMiddleware()));

        await Apps.PublishAsync(producer, new OrderPlaced(21, Behaviour.Handle));

        await handled.WaitUntil(d => d.Handled.ContainsKey(21), "order 21 handled");
        await Apps.StopAsync(consumer);
        var onTheWire = await _broker.NextAsync(tap);
        Assert.Equal("gzip", onTheWire.BasicProperties.ContentEncoding);
        Assert.Equal(new OrderPlaced(21, Behaviour.Handle), System.Text.Json.JsonSerializer.Deserialize(Gunzip(onTheWire.Body.ToArray()), TestJson.Default.OrderPlaced));
    }

    [Fact]
    public async Task A_consumer_with_the_middleware_reads_plain_messages_as_they_are()
    {
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled, configureBroker: rabbit => rabbit.Use(new GZipMiddleware()));
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);

        await Apps.PublishAsync(producer, new OrderPlaced(22, Behaviour.Handle));

        await handled.WaitUntil(d => d.Handled.ContainsKey(22), "order 22 handled");
        await Apps.StopAsync(consumer);
    }

    [Fact]
    public async Task A_compressed_message_at_a_consumer_without_the_middleware_is_dead_lettered_saying_so()
    {
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled);
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker, rabbit => rabbit.Use(new GZipMiddleware()));

        await Apps.PublishAsync(producer, new OrderPlaced(23, Behaviour.Handle));

        var dead = await _broker.NextDeadLetterAsync();
        await Apps.StopAsync(consumer);
        Assert.Equal(DeadLetterOutcomes.Undeserializable, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Contains("GZipMiddleware", Broker.Header(dead, RabbitMqHeaders.Reason));
        Assert.Empty(handled.Attempts);
    }

    [Fact]
    public async Task A_body_that_claims_gzip_but_is_not_is_dead_lettered_and_the_consumer_carries_on()
    {
        var handled = new Deliveries();
        await using var consumer = Apps.Consumer(_broker, handled, configureBroker: rabbit => rabbit.Use(new GZipMiddleware()));
        await Apps.StartAsync(consumer);
        await using var producer = Apps.Producer(_broker);

        await _broker.PublishRawAsync(Encoding.UTF8.GetBytes("{\"Id\":1}"), contentEncoding: "gzip");
        await Apps.PublishAsync(producer, new OrderPlaced(24, Behaviour.Handle));

        var dead = await _broker.NextDeadLetterAsync();
        await handled.WaitUntil(d => d.Handled.ContainsKey(24), "order 24 handled");
        await Apps.StopAsync(consumer);
        Assert.Equal(DeadLetterOutcomes.Undeserializable, Broker.Header(dead, RabbitMqHeaders.Outcome));
        Assert.Contains("not GZip data", Broker.Header(dead, RabbitMqHeaders.Reason));
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var input = new MemoryStream(compressed);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
