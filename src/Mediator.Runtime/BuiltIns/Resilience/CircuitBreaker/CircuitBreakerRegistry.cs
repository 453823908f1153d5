using System;
using System.Collections.Concurrent;

namespace Mediator.Resilience;

/// <summary>
/// The breakers of all message types, one per type, shared by every pipeline and middleware instance: register it as a
/// singleton (<c>AddMediatorCircuitBreaker</c>). Read <see cref="GetState"/> for health checks and dashboards.
/// </summary>
public sealed class CircuitBreakerRegistry
{
    private readonly ConcurrentDictionary<Type, MessageCircuit> _circuits = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty registry whose breakers run on <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock of the break durations and probe timeouts.</param>
    public CircuitBreakerRegistry(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>The state of <paramref name="messageType"/>'s breaker; <see cref="CircuitState.Closed"/> if it has none yet.</summary>
    /// <param name="messageType">A message type carrying <see cref="CircuitBreakerAttribute"/>.</param>
    /// <remarks>An open breaker whose break is over reports <see cref="CircuitState.Open"/> until a send arrives to probe.</remarks>
    public CircuitState GetState(Type messageType)
        => _circuits.TryGetValue(messageType, out var circuit) ? circuit.State : CircuitState.Closed;

    /// <summary>The most half-open probes of <paramref name="messageType"/>'s breaker that ever ran at once (0 if it never probed).</summary>
    /// <param name="messageType">A message type carrying <see cref="CircuitBreakerAttribute"/>.</param>
    /// <remarks>More than 1 only when a probe outlived <see cref="CircuitBreakerAttribute.ProbeTimeoutSeconds"/>. For tests and diagnostics.</remarks>
    public int GetPeakConcurrentProbes(Type messageType)
        => _circuits.TryGetValue(messageType, out var circuit) ? circuit.PeakProbesRunning : 0;

    /// <summary>The breaker of <paramref name="messageType"/>, created with <paramref name="settings"/> the first time.</summary>
    internal MessageCircuit For(Type messageType, CircuitBreakerAttribute settings)
        => _circuits.GetOrAdd(messageType, static (_, state) => new MessageCircuit(state.settings, state.time), (settings, time: _timeProvider));
}
