using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.RabbitMQ;

/// <summary>An inbox in this process's memory: for tests and for a single consumer process that may forget on restart
/// (a restarted process handles a redelivered message again).</summary>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly ConcurrentDictionary<(string Queue, string MessageId), DateTimeOffset> _handled = new();

    /// <summary>How many message ids are recorded.</summary>
    public int Count => _handled.Count;

    /// <inheritdoc />
    public ValueTask<bool> HasHandledAsync(string queue, string messageId, CancellationToken cancellationToken)
        => new(_handled.ContainsKey((queue, messageId)));

    /// <inheritdoc />
    public ValueTask MarkHandledAsync(string queue, string messageId, CancellationToken cancellationToken)
    {
        _handled.TryAdd((queue, messageId), DateTimeOffset.UtcNow);
        return default;
    }
}
