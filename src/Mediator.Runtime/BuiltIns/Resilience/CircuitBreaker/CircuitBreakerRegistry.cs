using System;
using System.Collections.Concurrent;

namespace Mediator.Resilience;

/// <summary>
/// The breakers of all message types, one per type (one per handler for a notification: each handler of it has its
/// own), shared by every pipeline and middleware instance: register it as a singleton (<c>AddMediatorCircuitBreaker</c>).
/// Read <see cref="GetState(Type)"/> for health checks and dashboards.
/// </summary>
public sealed class CircuitBreakerRegistry
{
    private readonly ConcurrentDictionary<(Type Message, Type? Handler), MessageCircuit> _circuits = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty registry whose breakers run on <paramref name="timeProvider"/>.</summary>
    /// <param name="timeProvider">The clock of the break durations and probe timeouts.</param>
    public CircuitBreakerRegistry(TimeProvider timeProvider) => _timeProvider = timeProvider;

    /// <summary>The state of <paramref name="messageType"/>'s breaker; <see cref="CircuitState.Closed"/> if it has none yet.</summary>
    /// <param name="messageType">A request type carrying <see cref="CircuitBreakerAttribute"/>.</param>
    /// <remarks>An open breaker whose break is over reports <see cref="CircuitState.Open"/> until a send arrives to probe.</remarks>
    public CircuitState GetState(Type messageType) => GetState(messageType, null);

    /// <summary>
    /// The state of the breaker around <paramref name="handlerType"/> for <paramref name="notificationType"/>;
    /// <see cref="CircuitState.Closed"/> if it has none yet.
    /// </summary>
    /// <param name="notificationType">A notification type whose handler is behind a breaker.</param>
    /// <param name="handlerType">The handler (null: the breaker of a request, as <see cref="GetState(Type)"/>).</param>
    public CircuitState GetState(Type notificationType, Type? handlerType)
        => _circuits.TryGetValue((notificationType, handlerType), out var circuit) ? circuit.State : CircuitState.Closed;

    /// <summary>The most half-open probes of <paramref name="messageType"/>'s breaker that ever ran at once (0 if it never probed).</summary>
    /// <param name="messageType">A message type carrying <see cref="CircuitBreakerAttribute"/>.</param>
    /// <remarks>More than 1 only when a probe outlived <see cref="CircuitBreakerAttribute.ProbeTimeoutSeconds"/>. For tests and diagnostics.</remarks>
    public int GetPeakConcurrentProbes(Type messageType)
        => _circuits.TryGetValue((messageType, null), out var circuit) ? circuit.PeakProbesRunning : 0;

    /// <summary>
    /// The breaker of <paramref name="messageType"/> (around <paramref name="handlerType"/> when given), created with
    /// <paramref name="settings"/> the first time.
    /// </summary>
    internal MessageCircuit For(Type messageType, Type? handlerType, CircuitBreakerAttribute settings)
        => _circuits.GetOrAdd((messageType, handlerType), static (_, state) => new MessageCircuit(state.settings, state.time), (settings, time: _timeProvider));
}
