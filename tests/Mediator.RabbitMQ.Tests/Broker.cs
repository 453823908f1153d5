using System.Text;
using Mediator.RabbitMQ;
using RabbitMQ.Client;

namespace RabbitMqTests;

/// <summary>
/// The broker ./test.sh started (MEDIATOR_RABBITMQ_URI). A test that finds none fails and says how to get one. Each
/// test gets its own exchange and queue names and deletes them afterwards, so tests share one broker safely.
/// </summary>
public sealed class Broker : IAsyncDisposable
{
    /// <summary>How long a test waits for the broker to deliver something before it fails (never a timing claim).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private Broker(Uri uri, IConnection connection, IChannel channel, string prefix)
    {
        Uri = uri;
        _connection = connection;
        _channel = channel;
        Exchange = prefix + ".orders";
        Queue = prefix + ".billing";
    }

    public Uri Uri { get; }

    /// <summary>This test's exchange.</summary>
    public string Exchange { get; }

    /// <summary>This test's consumer queue.</summary>
    public string Queue { get; }

    public static async Task<Broker> ConnectAsync()
    {
        var text = Environment.GetEnvironmentVariable("MEDIATOR_RABBITMQ_URI");
        if (string.IsNullOrEmpty(text))
        {
            Assert.Fail("MEDIATOR_RABBITMQ_URI is not set: these tests need a RabbitMQ broker. Run ./test.sh from the repository root (it installs and starts one on 127.0.0.1, then runs dotnet test).");
        }

        var uri = new Uri(text);
        IConnection connection;
        try
        {
            connection = await new ConnectionFactory { Uri = uri, ClientProvidedName = "tests" }.CreateConnectionAsync();
        }
        catch (Exception error)
        {
            Assert.Fail($"No RabbitMQ broker answers at {uri} ({error.Message}). Run ./test.sh from the repository root: it starts one.");
            throw;
        }

        var channel = await connection.CreateChannelAsync();
        return new Broker(uri, connection, channel, "t" + Guid.NewGuid().ToString("N")[..12]);
    }

    private readonly HashSet<string> _retryQueues = new();
    private readonly List<string> _otherExchanges = new();

    /// <summary>Deletes <paramref name="exchange"/> too when the test ends.</summary>
    public void AlsoDelete(string exchange) => _otherExchanges.Add(exchange);

    /// <summary>Remembers the retry queues a consumer of this test declares, to delete them afterwards.</summary>
    public void Track(RabbitMqConsumerOptions options)
    {
        for (var attempt = 1; attempt < options.MaxAttempts; attempt++)
        {
            _retryQueues.Add(RabbitMqTopology.RetryQueue(Queue, options.RetryDelay(attempt)));
        }
    }

    /// <summary>Takes the next message from the dead-letter queue, waiting for one to arrive.</summary>
    public Task<BasicGetResult> NextDeadLetterAsync() => NextAsync(RabbitMqTopology.DeadLetterQueue(Queue));

    /// <summary>Takes the next message from <paramref name="queue"/>, waiting for one to arrive.</summary>
    public async Task<BasicGetResult> NextAsync(string queue)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var message = await _channel.BasicGetAsync(queue, autoAck: true);
            if (message is not null)
            {
                return message;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {Patience.TotalSeconds:0} s for a message in {queue}.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Declares a plain queue bound to <paramref name="exchange"/> with <paramref name="bindingKey"/> (the
    /// exchange too, as the transport declares it), deleted when the test ends: a tap on what travels.</summary>
    public async Task DeclareQueueAsync(string queue, string exchange, string bindingKey)
    {
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await _channel.QueueBindAsync(queue, exchange, bindingKey);
        _retryQueues.Add(queue);
    }

    /// <summary>How many messages wait in <paramref name="queue"/>.</summary>
    public async Task<uint> CountAsync(string queue) => await _channel.MessageCountAsync(queue);

    /// <summary>Publishes raw bytes as if they were an <see cref="OrderPlaced"/> (a producer with a bug, or one that
    /// sends the same message twice: <paramref name="messageId"/>).</summary>
    public async Task PublishRawAsync(byte[] body, string? messageId = null, string? contentEncoding = null)
    {
        var properties = new BasicProperties { Persistent = true, Type = typeof(OrderPlaced).FullName, MessageId = messageId, ContentEncoding = contentEncoding };
        await _channel.BasicPublishAsync(Exchange, "order.placed", mandatory: false, properties, body);
    }

    public static string Header(BasicGetResult message, string name)
        => message.BasicProperties.Headers is { } headers && headers.TryGetValue(name, out var value)
            ? value switch { byte[] text => Encoding.UTF8.GetString(text), null => "", _ => value.ToString()! }
            : throw new Xunit.Sdk.XunitException($"The message has no '{name}' header.");

    /// <summary>Deletes this test's queues and exchanges (each on a channel of its own: a broker that answers a delete
    /// of something that does not exist with an error closes the channel it came on).</summary>
    public async ValueTask DisposeAsync()
    {
        // After a test that restarted the broker, this connection is back only once the client has recovered it.
        var deadline = DateTime.UtcNow + Patience;
        while (!_connection.IsOpen && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var queues = _retryQueues.Concat(new[] { Queue, RabbitMqTopology.DeadLetterQueue(Queue) });
        var exchanges = new[] { RabbitMqTopology.DeadLetterExchange(Queue), Exchange }.Concat(_otherExchanges);
        foreach (var queue in queues)
        {
            await QuietlyAsync(channel => channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false));
        }

        foreach (var exchange in exchanges)
        {
            await QuietlyAsync(channel => channel.ExchangeDeleteAsync(exchange, ifUnused: false));
        }

        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }

    private async Task QuietlyAsync(Func<IChannel, Task> delete)
    {
        using var channel = await _connection.CreateChannelAsync();
        try
        {
            await delete(channel);
            await channel.CloseAsync();
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // It was never declared (a test that failed early, or one that never started a consumer).
        }
    }
}
