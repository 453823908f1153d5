using System;

namespace Mediator.RabbitMQ;

/// <summary>How the app reaches the broker and how long a publish waits for its confirm.</summary>
public sealed class RabbitMqOptions
{
    private TimeSpan _confirmTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The broker, as an AMQP URI (<c>amqp://user:password@host:5672/vhost</c>). Required.</summary>
    public Uri? Uri { get; set; }

    /// <summary>The name the connection shows in the broker's management tools. Default: <c>CompiledMediator</c>.</summary>
    public string ClientName { get; set; } = "CompiledMediator";

    /// <summary>How long a publish waits for the broker's confirm before it fails with
    /// <see cref="RabbitMqPublishException"/>. Default 30 s.</summary>
    public TimeSpan ConfirmTimeout
    {
        get => _confirmTimeout;
        set => _confirmTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The confirm timeout must be positive.");
    }
}
