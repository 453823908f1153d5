using System;

namespace Mediator.Resilience;

/// <summary>
/// The state machine of one message type's breaker. Every transition happens under one lock: the work inside is a
/// few comparisons, and a lock makes "exactly one probe" obviously true where a lock-free version would need a proof.
/// </summary>
internal sealed class MessageCircuit
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly int _failureThreshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeSpan _probeTimeout;

    private CircuitState _state = CircuitState.Closed;
    private int _consecutiveFailures;
    private long _openedAt;
    private bool _probeInFlight;
    private long _probeStartedAt;

    // Bumped on every transition and every probe admission; permits from an older generation are stale.
    private long _generation;

    // Probe permits handed out and not yet settled (stale ones included): what "never two probes" means, counted
    // where the probes are admitted so that tests can check it under load without guessing from the outside.
    private int _probesRunning;

    public MessageCircuit(CircuitBreakerAttribute settings, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.FailureThreshold, 1, nameof(settings.FailureThreshold));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.BreakDurationSeconds, nameof(settings.BreakDurationSeconds));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.ProbeTimeoutSeconds, 1, nameof(settings.ProbeTimeoutSeconds));
        _timeProvider = timeProvider;
        _failureThreshold = settings.FailureThreshold;
        _breakDuration = TimeSpan.FromSeconds(settings.BreakDurationSeconds);
        _probeTimeout = TimeSpan.FromSeconds(settings.ProbeTimeoutSeconds);
    }

    public CircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The most probes that were ever running at once (settled or not yet); 1 unless a probe outlived its timeout.</summary>
    public int PeakProbesRunning { get; private set; }

    /// <summary>Admits a send (possibly as the probe) or says how long until one would be admitted.</summary>
    public bool TryAdmit(out CircuitPermit permit, out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            retryAfter = TimeSpan.Zero;
            switch (_state)
            {
                case CircuitState.Closed:
                    permit = new CircuitPermit(false, _generation);
                    return true;

                case CircuitState.Open:
                    var broken = _timeProvider.GetElapsedTime(_openedAt);
                    if (broken < _breakDuration)
                    {
                        permit = default;
                        retryAfter = _breakDuration - broken;
                        return false;
                    }

                    _state = CircuitState.HalfOpen;
                    permit = AdmitProbe();
                    return true;

                default:
                    if (_probeInFlight)
                    {
                        var probing = _timeProvider.GetElapsedTime(_probeStartedAt);
                        if (probing < _probeTimeout)
                        {
                            permit = default;
                            retryAfter = _probeTimeout - probing;
                            return false;
                        }
                    }

                    // No probe, or one that outlived its timeout: its outcome will be stale, this send probes instead.
                    permit = AdmitProbe();
                    return true;
            }
        }
    }

    public void OnSuccess(CircuitPermit permit)
    {
        lock (_gate)
        {
            Settle(permit);
            if (permit.Generation != _generation)
            {
                return;
            }

            if (permit.IsProbe)
            {
                _generation++;
                _state = CircuitState.Closed;
                _probeInFlight = false;
            }

            _consecutiveFailures = 0;
        }
    }

    public void OnFailure(CircuitPermit permit)
    {
        lock (_gate)
        {
            Settle(permit);
            if (permit.Generation != _generation)
            {
                return;
            }

            if (permit.IsProbe || ++_consecutiveFailures >= _failureThreshold)
            {
                _generation++;
                _state = CircuitState.Open;
                _openedAt = _timeProvider.GetTimestamp();
                _probeInFlight = false;
                _consecutiveFailures = 0;
            }
        }
    }

    /// <summary>The send ended without a verdict on the handler (cancelled, or an exception that is not counted).</summary>
    public void OnNoVerdict(CircuitPermit permit)
    {
        lock (_gate)
        {
            Settle(permit);
            // A probe without a verdict frees the slot at once, so the next send probes instead of waiting for the timeout.
            if (permit.IsProbe && permit.Generation == _generation)
            {
                _generation++;
                _probeInFlight = false;
            }
        }
    }

    private void Settle(CircuitPermit permit)
    {
        if (permit.IsProbe)
        {
            _probesRunning--;
        }
    }

    private CircuitPermit AdmitProbe()
    {
        PeakProbesRunning = Math.Max(PeakProbesRunning, ++_probesRunning);
        _generation++;
        _probeInFlight = true;
        _probeStartedAt = _timeProvider.GetTimestamp();
        return new CircuitPermit(true, _generation);
    }
}
