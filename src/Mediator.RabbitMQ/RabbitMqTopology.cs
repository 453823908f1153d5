using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using RabbitMQ.Client;

namespace Mediator.RabbitMQ;

/// <summary>
/// The exchanges and queues the transport uses, and their names. Retries and dead letters use the broker's own
/// features: a retry queue per delay holds a message for its TTL, then dead-letters it back to the main queue (through
/// the default exchange); the dead-letter exchange routes to the dead-letter queue.
/// </summary>
public static class RabbitMqTopology
{
    /// <summary>The dead-letter exchange of <paramref name="queue"/> (direct, durable).</summary>
    /// <param name="queue">The consumer's queue.</param>
    public static string DeadLetterExchange(string queue) => queue + ".dlx";

    /// <summary>The dead-letter queue of <paramref name="queue"/>.</summary>
    /// <param name="queue">The consumer's queue.</param>
    public static string DeadLetterQueue(string queue) => queue + ".dlq";

    /// <summary>The retry queue that holds messages of <paramref name="queue"/> for <paramref name="delay"/>. The delay
    /// is in the name so that changing the policy declares new queues rather than clashing with the old ones' TTL.</summary>
    /// <param name="queue">The consumer's queue.</param>
    /// <param name="delay">How long a message waits in it.</param>
    public static string RetryQueue(string queue, TimeSpan delay)
        => queue + ".retry." + ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>Whether a topic exchange routes <paramref name="key"/> to a queue bound with <paramref name="pattern"/>:
    /// words split by dots, <c>*</c> one word, <c>#</c> zero or more (what the test client uses in place of the broker).</summary>
    /// <param name="pattern">The binding key.</param>
    /// <param name="key">The routing key.</param>
    public static bool TopicMatches(string pattern, string key)
        => Matches(pattern.Split('.'), 0, key.Length == 0 ? Array.Empty<string>() : key.Split('.'), 0);

    private static bool Matches(string[] pattern, int p, string[] key, int k)
    {
        if (p == pattern.Length)
        {
            return k == key.Length;
        }

        if (pattern[p] == "#")
        {
            for (var skip = k; skip <= key.Length; skip++)
            {
                if (Matches(pattern, p + 1, key, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return k < key.Length && (pattern[p] == "*" || pattern[p] == key[k]) && Matches(pattern, p + 1, key, k + 1);
    }

    internal static Task DeclareExchangeAsync(IChannel channel, string exchange, CancellationToken cancellationToken)
        => channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, arguments: null, cancellationToken: cancellationToken);

    /// <summary>Declares the consumer's queue, its dead-letter exchange and queue, its retry queues and its bindings.</summary>
    internal static async Task DeclareConsumerAsync(IChannel channel, RabbitMqConsumerOptions options, IReadOnlyList<RabbitMqRoute> routes, CancellationToken cancellationToken)
    {
        var queue = options.Queue;
        var deadLetterExchange = DeadLetterExchange(queue);
        await channel.ExchangeDeclareAsync(deadLetterExchange, ExchangeType.Direct, durable: true, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueDeclareAsync(DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        await channel.QueueBindAsync(DeadLetterQueue(queue), deadLetterExchange, queue, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);

        // A message rejected by anything else (a broker policy, a client without this transport) still lands in the DLQ.
        var mainArguments = new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = deadLetterExchange,
            ["x-dead-letter-routing-key"] = queue,
        };
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: mainArguments, cancellationToken: cancellationToken).ConfigureAwait(false);

        foreach (var route in routes)
        {
            await DeclareExchangeAsync(channel, route.Exchange, cancellationToken).ConfigureAwait(false);
            await channel.QueueBindAsync(queue, route.Exchange, route.RoutingKey, arguments: null, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        for (var failedAttempt = 1; failedAttempt < options.MaxAttempts; failedAttempt++)
        {
            var delay = options.RetryDelay(failedAttempt);
            var retryArguments = new Dictionary<string, object?>
            {
                ["x-message-ttl"] = (long)delay.TotalMilliseconds,
                ["x-dead-letter-exchange"] = string.Empty,
                ["x-dead-letter-routing-key"] = queue,
            };
            await channel.QueueDeclareAsync(RetryQueue(queue, delay), durable: true, exclusive: false, autoDelete: false, arguments: retryArguments, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
