using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>
/// The transport without a broker, for tests (the seed's PubSubTestClient): register it with
/// <c>services.AddRabbitMqTestClient()</c> after <c>AddMediatorRabbitMq</c>, and every publish is delivered at once, in
/// this process, to each consumer whose queue is bound to the route, through the same middleware, inbox, scope per
/// message and handler pipelines as from the broker, with the same outcomes: handled, duplicate, retried (at once, the
/// delay recorded, up to <see cref="RabbitMqConsumerOptions.MaxAttempts"/>), dead-lettered (with the same reason
/// headers). <see cref="Results"/> records each delivery; <see cref="Published"/> what left the publisher;
/// <see cref="DeadLetters"/> what a dead-letter queue would hold. The hosted consumers start nothing.
/// </summary>
public sealed class RabbitMqTestClient : IRabbitMqTransport
{
    private readonly IServiceProvider _services;
    private readonly object _gate = new();
    private readonly List<RabbitMqDeliveryRecord> _results = new();
    private readonly List<RabbitMqEnvelope> _published = new();
    private readonly Dictionary<string, List<RabbitMqEnvelope>> _deadLetters = new(StringComparer.Ordinal);
    private List<DeliveryProcessor>? _consumers;

    /// <summary>Creates the client over the app's container.</summary>
    /// <param name="services">The root provider.</param>
    public RabbitMqTestClient(IServiceProvider services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    /// <summary>Every delivery so far, in order (a retried message has one record per attempt).</summary>
    public IReadOnlyList<RabbitMqDeliveryRecord> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.ToArray();
            }
        }
    }

    /// <summary>Every envelope published so far, as it left the publisher-side middleware.</summary>
    public IReadOnlyList<RabbitMqEnvelope> Published
    {
        get
        {
            lock (_gate)
            {
                return _published.ToArray();
            }
        }
    }

    /// <summary>What <paramref name="queue"/>'s dead-letter queue would hold: the message as published, with the
    /// <c>x-mediator-*</c> headers saying why.</summary>
    /// <param name="queue">The consumer's queue.</param>
    public IReadOnlyList<RabbitMqEnvelope> DeadLetters(string queue)
    {
        lock (_gate)
        {
            return _deadLetters.TryGetValue(queue, out var list) ? list.ToArray() : Array.Empty<RabbitMqEnvelope>();
        }
    }

    /// <summary>Delivers an envelope as if it came from the broker, to every consumer bound to its exchange and routing
    /// key (a hand-made message: a test of what a buggy publisher would send).</summary>
    /// <param name="envelope">The message.</param>
    /// <param name="cancellationToken">Cancels the delivery.</param>
    public async Task DeliverAsync(RabbitMqEnvelope envelope, CancellationToken cancellationToken = default)
    {
        if (envelope is null)
        {
            throw new ArgumentNullException(nameof(envelope));
        }

        var bound = 0;
        foreach (var consumer in Consumers())
        {
            if (IsBound(consumer, envelope))
            {
                bound++;
                await DeliverToAsync(consumer, envelope, cancellationToken).ConfigureAwait(false);
            }
        }

        if (bound == 0)
        {
            // As the broker returns a mandatory message that no queue takes.
            throw BrokerTransport.Failure(envelope, "no queue is bound to take it (it was returned as unroutable): start a consumer that subscribes to it, or bind a queue", null);
        }
    }

    async ValueTask IRabbitMqTransport.SendAsync(RabbitMqEnvelope envelope, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _published.Add(envelope);
        }

        await DeliverAsync(envelope, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeliverToAsync(DeliveryProcessor consumer, RabbitMqEnvelope published, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var message = Copy(published, attempt);
            var decision = await consumer.ProcessAsync(message, cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _results.Add(decision.ToRecord(message));
                if (decision.Result == RabbitMqDeliveryResult.DeadLettered)
                {
                    var dead = Copy(published, attempt);
                    dead.Queue = consumer.Options.Queue;
                    dead.Headers[RabbitMqHeaders.Outcome] = decision.DeadLetterOutcome;
                    dead.Headers[RabbitMqHeaders.Reason] = decision.Reason;
                    dead.Headers[RabbitMqHeaders.Attempt] = attempt;
                    if (decision.Error is { } error)
                    {
                        dead.Headers[RabbitMqHeaders.ExceptionType] = error.GetType().FullName;
                    }

                    if (!_deadLetters.TryGetValue(consumer.Options.Queue, out var list))
                    {
                        _deadLetters.Add(consumer.Options.Queue, list = new List<RabbitMqEnvelope>());
                    }

                    list.Add(dead);
                }
            }

            if (decision.Result != RabbitMqDeliveryResult.RetryScheduled)
            {
                return;
            }
        }
    }

    /// <summary>A fresh envelope per delivery, as the broker hands each consumer its own copy.</summary>
    private static RabbitMqEnvelope Copy(RabbitMqEnvelope source, int attempt)
    {
        var copy = new RabbitMqEnvelope(source.Exchange, source.RoutingKey, source.Body.ToArray())
        {
            ContentType = source.ContentType,
            ContentEncoding = source.ContentEncoding,
            MessageId = source.MessageId,
            Type = source.Type,
            Attempt = attempt,
        };
        foreach (var header in source.Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        if (attempt > 1)
        {
            copy.Headers[RabbitMqHeaders.Attempt] = attempt;
        }

        return copy;
    }

    private static bool IsBound(DeliveryProcessor consumer, RabbitMqEnvelope envelope)
    {
        foreach (var route in consumer.Subscribed)
        {
            if (route.Exchange == envelope.Exchange && RabbitMqTopology.TopicMatches(route.RoutingKey, envelope.RoutingKey))
            {
                return true;
            }
        }

        return false;
    }

    private List<DeliveryProcessor> Consumers()
    {
        if (_consumers is { } built)
        {
            return built;
        }

        var routes = _services.GetRequiredService<RabbitMqRouteTable>();
        var consumers = new List<DeliveryProcessor>();
        foreach (var options in _services.GetRequiredService<RabbitMqSetup>().Consumers)
        {
            consumers.Add(new DeliveryProcessor(options, RabbitMqConsumer.Subscribed(options, routes), _services));
        }

        return _consumers = consumers;
    }
}
