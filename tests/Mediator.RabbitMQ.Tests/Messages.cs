using System.Text.Json.Serialization;
using Mediator;

namespace RabbitMqTests;

/// <summary>What the handler in the consuming app does with an order (the tests choose per message).</summary>
public enum Behaviour
{
    Handle,
    Drop,
    Retry,
    Throw,
    BlockUntilStopped,
    Slow,
}

/// <summary>The routed notification: travels from the producing app to the consuming one.</summary>
public sealed record OrderPlaced(int Id, Behaviour Behaviour) : INotification;

/// <summary>The apps' source-generated JSON contract: what makes the transport's serialization reflection-free.</summary>
[JsonSerializable(typeof(OrderPlaced))]
public sealed partial class TestJson : JsonSerializerContext
{
}
