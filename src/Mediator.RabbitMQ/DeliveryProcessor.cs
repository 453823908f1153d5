using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>
/// What one queue's consumer does with a message, whatever carries it (the broker, or the in-memory test client): drop
/// it if the inbox has its id; run broker, router and subscriber middleware around the last step, which deserializes
/// the body and publishes it to this app's handlers in a DI scope of its own; and decide from what came out: handled,
/// retry later, dead letter (with the reason) or requeue (the consumer is stopping).
/// </summary>
internal sealed class DeliveryProcessor
{
    private readonly RabbitMqConsumerOptions _options;
    private readonly IServiceScopeFactory _scopes;
    private readonly IInboxStore? _inbox;
    private readonly Dictionary<string, MiddlewareChain> _chains = new(StringComparer.Ordinal);
    private readonly MiddlewareChain _unrouted;

    public DeliveryProcessor(RabbitMqConsumerOptions options, IReadOnlyList<RabbitMqRoute> subscribed, IServiceProvider services)
    {
        _options = options;
        _scopes = services.GetRequiredService<IServiceScopeFactory>();
        _inbox = services.GetService<IInboxStore>();
        var outer = services.GetRequiredService<RabbitMqSetup>().Broker.Resolve(services);
        outer.AddRange(options.Middleware.Resolve(services));
        foreach (var route in subscribed)
        {
            var layers = new List<RabbitMqMiddleware>(outer);
            if (options.Subscribers.TryGetValue(route.MessageType, out var subscriber))
            {
                layers.AddRange(subscriber.Middleware.Resolve(services));
            }

            _chains[route.Name] = new MiddlewareChain(layers, publishing: false, DispatchAsync);
        }

        // A type no subscription of this queue carries still passes the outer levels (they see every message), then is
        // dead-lettered as undeserializable.
        _unrouted = new MiddlewareChain(outer, publishing: false, static (message, _) =>
            throw new UndeserializableMessageException($"No subscription of this consumer carries messages of type '{message.Type}'."));
        Subscribed = subscribed;
    }

    public IReadOnlyList<RabbitMqRoute> Subscribed { get; }

    public RabbitMqConsumerOptions Options => _options;

    public async Task<DeliveryDecision> ProcessAsync(RabbitMqEnvelope message, CancellationToken stopping)
    {
        message.Queue = _options.Queue;
        using var activity = RabbitMqTelemetry.StartConsume(message);
        try
        {
            if (_inbox is { } inbox && message.MessageId is { } seen && await HasHandledAsync(inbox, _options.Queue, seen, stopping).ConfigureAwait(false))
            {
                activity?.SetTag("messaging.mediator.duplicate", true);
                return DeliveryDecision.Duplicate;
            }

            var chain = _unrouted;
            if (message.Type is { } name && _chains.TryGetValue(name, out var routed))
            {
                chain = routed;
                message.Route = Find(name);
            }

            await chain.InvokeAsync(message, stopping).ConfigureAwait(false);
            if (_inbox is { } store && message.MessageId is { } handled)
            {
                await MarkHandledAsync(store, _options.Queue, handled, stopping).ConfigureAwait(false);
            }

            return DeliveryDecision.Handled;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutdown mid-message: back to the queue, for this consumer's next start or another consumer.
            return DeliveryDecision.Requeue;
        }
        catch (Exception error)
        {
            var decision = Decide(error, message.Attempt);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, decision.Reason);
            return decision;
        }
    }

    /// <summary>An inbox that cannot be reached (its database is down) is a transient failure: the message waits in a
    /// retry queue rather than going to the dead-letter queue as a bug would.</summary>
    private static async ValueTask<bool> HasHandledAsync(IInboxStore inbox, string queue, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            return await inbox.HasHandledAsync(queue, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new Resilience.TransientException("The inbox could not be read: " + error.Message, error);
        }
    }

    private static async ValueTask MarkHandledAsync(IInboxStore inbox, string queue, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            await inbox.MarkHandledAsync(queue, messageId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new Resilience.TransientException("The inbox could not be written: " + error.Message, error);
        }
    }

    private RabbitMqRoute? Find(string name)
    {
        foreach (var route in Subscribed)
        {
            if (route.Name == name)
            {
                return route;
            }
        }

        return null;
    }

    private DeliveryDecision Decide(Exception error, int attempt)
    {
        switch (error)
        {
            case DropException dropped:
                return DeliveryDecision.DeadLetter(DeadLetterOutcomes.Dropped, dropped.Message, dropped);
            case UndeserializableMessageException bad:
                return DeliveryDecision.DeadLetter(DeadLetterOutcomes.Undeserializable, bad.Message, bad.InnerException ?? bad);
        }

        var innermost = Innermost(error);
        if (FailureClassifier.Classify(error) == FailureKind.Retryable || _options.OtherExceptions == FailurePolicy.Retry)
        {
            return attempt < _options.MaxAttempts
                ? DeliveryDecision.Retry(_options.RetryDelay(attempt), innermost.Message, innermost)
                : DeliveryDecision.DeadLetter(DeadLetterOutcomes.RetriesExhausted, $"Failed on all {attempt} attempt(s): {innermost.Message}", innermost);
        }

        return DeliveryDecision.DeadLetter(DeadLetterOutcomes.Failed, innermost.Message, innermost);
    }

    /// <summary>The handler's own exception inside a <see cref="PublishException"/> of one failure.</summary>
    private static Exception Innermost(Exception error)
        => error is PublishException { Failures.Count: 1 } publish ? publish.Failures[0].Exception : error;

    /// <summary>The last step: deserialize, then publish to this app's handlers in a scope of the message's own.</summary>
    private async ValueTask DispatchAsync(RabbitMqEnvelope message, CancellationToken cancellationToken)
    {
        var route = message.Route!;
        if (message.ContentEncoding is { Length: > 0 } encoding && !string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new UndeserializableMessageException($"The body is encoded '{encoding}' and no middleware of this consumer decoded it: add GZipMiddleware (rabbit.Use(new GZipMiddleware())) where it is consumed.");
        }

        object notification;
        try
        {
            notification = route.Deserialize(message.Body);
        }
        catch (Exception bad) when (bad is System.Text.Json.JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new UndeserializableMessageException($"The body is not a '{route.MessageType.FullName}': {bad.Message}", bad);
        }

        var outcome = new DeliveryOutcome(route.MessageType, message);
        var scope = _scopes.CreateAsyncScope();
        try
        {
            DeliveryOutcome.Current = outcome;
            await route.DispatchAsync(scope.ServiceProvider, notification, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            DeliveryOutcome.Current = null;
            await scope.DisposeAsync().ConfigureAwait(false);
        }

        // A drop ends a delivery quietly in process; here it reaches the middleware around this step as thrown.
        if (outcome.Dropped is { } dropped)
        {
            ExceptionDispatchInfo.Capture(dropped).Throw();
        }
    }
}
