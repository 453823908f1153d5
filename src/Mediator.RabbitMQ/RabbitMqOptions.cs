using System;

namespace Mediator.RabbitMQ;

/// <summary>How the app reaches the broker and how long a publish waits for its confirm.</summary>
public sealed class RabbitMqOptions
{
    private TimeSpan _confirmTimeout = TimeSpan.FromSeconds(30);
    private TimeSpan _recoveryInterval = TimeSpan.FromSeconds(5);

    /// <summary>The broker, as an AMQP URI (<c>amqp://user:password@host:5672/vhost</c>). Required.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The name the connection shows in the broker's management tools. Default: <c>CompiledMediator</c>.</summary>
    public string ClientName { get; set; } = "CompiledMediator";

    /// <summary>How long the client waits between attempts to reconnect after the connection was lost (a broker restart,
    /// a network failure); it then declares the channels' queues, bindings and consumers again. Default 5 s.</summary>
    public TimeSpan RecoveryInterval
    {
        get => _recoveryInterval;
        set => _recoveryInterval = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The recovery interval must be positive.");
    }

    /// <summary>How long a publish waits for the broker's confirm before it fails with
    /// <see cref="RabbitMqPublishException"/>. Default 30 s.</summary>
    public TimeSpan ConfirmTimeout
    {
        get => _confirmTimeout;
        set => _confirmTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The confirm timeout must be positive.");
    }
}
