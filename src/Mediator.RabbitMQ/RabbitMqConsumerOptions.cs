using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.RabbitMQ;

/// <summary>One consumer: its queue, which routed notifications it takes, its prefetch and its retry policy.</summary>
public sealed class RabbitMqConsumerOptions
{
    private ushort _prefetch = 16;
    private int _maxAttempts = 5;
    private TimeSpan _firstRetryDelay = TimeSpan.FromSeconds(1);
    private TimeSpan _maxRetryDelay = TimeSpan.FromMinutes(5);

    internal RabbitMqConsumerOptions(string queue, IServiceCollection? services = null)
    {
        Queue = queue;
        _services = services;
        Middleware = new MiddlewareList(services);
    }

    private readonly IServiceCollection? _services;

    /// <summary>This queue's middleware (the seed's router level: a group of subscribers), outermost first, inside the
    /// broker's and outside each subscription's.</summary>
    public MiddlewareList Middleware { get; }

    /// <summary>Each subscription's options (its own middleware), by notification type.</summary>
    public IReadOnlyDictionary<Type, RabbitMqSubscriberOptions> Subscribers => _subscribers;

    private readonly Dictionary<Type, RabbitMqSubscriberOptions> _subscribers = new();

    /// <summary>The durable queue this consumer reads. Its dead-letter exchange is <c>{Queue}.dlx</c>, its dead-letter
    /// queue <c>{Queue}.dlq</c>, its retry queues <c>{Queue}.retry.{delay}ms</c>.</summary>
    public string Queue { get; }

    /// <summary>The notification types whose routes the queue is bound to (<see cref="Subscribe{TNotification}"/>).</summary>
    public IList<Type> Subscriptions { get; } = new List<Type>();

    /// <summary>Messages the broker hands this consumer before it has acknowledged them. Default 16; at least 1.</summary>
    public ushort Prefetch
    {
        get => _prefetch;
        set => _prefetch = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The prefetch must be at least 1.");
    }

    /// <summary>Deliveries of one message, the first included, before a Retry or transient failure dead-letters it.
    /// Default 5; at least 1.</summary>
    public int MaxAttempts
    {
        get => _maxAttempts;
        set => _maxAttempts = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one attempt is needed.");
    }

    /// <summary>The wait before the first redelivery; each later wait doubles, up to <see cref="MaxRetryDelay"/>. Default 1 s.</summary>
    public TimeSpan FirstRetryDelay
    {
        get => _firstRetryDelay;
        set => _firstRetryDelay = value >= TimeSpan.FromMilliseconds(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The delay must be at least 1 ms.");
    }

    /// <summary>The longest wait between two deliveries. Default 5 min.</summary>
    public TimeSpan MaxRetryDelay
    {
        get => _maxRetryDelay;
        set => _maxRetryDelay = value >= TimeSpan.FromMilliseconds(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The delay must be at least 1 ms.");
    }

    /// <summary>What an exception other than Drop, Retry and transient failures leads to. Default
    /// <see cref="FailurePolicy.DeadLetter"/>.</summary>
    public FailurePolicy OtherExceptions { get; set; } = FailurePolicy.DeadLetter;

    /// <summary>Binds the queue to <typeparamref name="TNotification"/>'s route (its exchange and routing key);
    /// <paramref name="configure"/> may give the subscription middleware of its own.</summary>
    /// <typeparam name="TNotification">A routed notification type.</typeparam>
    /// <param name="configure">The subscription's options, or null.</param>
    public RabbitMqConsumerOptions Subscribe<TNotification>(Action<RabbitMqSubscriberOptions>? configure = null)
        where TNotification : INotification
    {
        if (!_subscribers.TryGetValue(typeof(TNotification), out var subscriber))
        {
            subscriber = new RabbitMqSubscriberOptions(typeof(TNotification), new MiddlewareList(_services));
            _subscribers.Add(typeof(TNotification), subscriber);
            Subscriptions.Add(typeof(TNotification));
        }

        configure?.Invoke(subscriber);
        return this;
    }

    /// <summary>Adds a middleware for every message of this queue.</summary>
    /// <param name="middleware">The instance.</param>
    public RabbitMqConsumerOptions Use(RabbitMqMiddleware middleware)
    {
        Middleware.Add(middleware);
        return this;
    }

    /// <summary>The wait before redelivering a message whose attempt <paramref name="failedAttempt"/> (from 1) failed.</summary>
    /// <param name="failedAttempt">The attempt that failed.</param>
    public TimeSpan RetryDelay(int failedAttempt)
    {
        var doublings = Math.Min(Math.Max(failedAttempt - 1, 0), 30);
        var ticks = _firstRetryDelay.Ticks * (double)(1L << doublings);
        return ticks >= _maxRetryDelay.Ticks ? _maxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }
}
