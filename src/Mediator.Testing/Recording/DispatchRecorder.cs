using System;
using System.Collections.Generic;
using System.Threading;

namespace Mediator.Testing.Recording;

/// <summary>
/// The <see cref="IDispatchObserver"/> the client registers. Pipelines call it on the dispatching flow, so the record
/// of the dispatch in progress is found in an <see cref="AsyncLocal{T}"/>; calls made with none (the mediator was
/// called directly) go to <see cref="Unattributed"/>.
/// </summary>
internal sealed class DispatchRecorder : IDispatchObserver
{
    private readonly AsyncLocal<DispatchRecord?> _current = new();
    private readonly object _gate = new();
    private readonly List<DispatchRecord> _dispatches = new();

    public ObservedActivity Unattributed { get; } = new();

    /// <summary>The record of the dispatch on this flow. Set it only inside an async method or iterator, or restore it.</summary>
    public DispatchRecord? Current
    {
        get => _current.Value;
        set => _current.Value = value;
    }

    public IReadOnlyList<DispatchRecord> Dispatches
    {
        get
        {
            lock (_gate)
            {
                return _dispatches.ToArray();
            }
        }
    }

    public DispatchRecord Begin(object message, DispatchMode mode)
    {
        var record = new DispatchRecord(message, mode, _current.Value);
        lock (_gate)
        {
            _dispatches.Add(record);
        }

        return record;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _dispatches.Clear();
        }

        Unattributed.ClearObservations();
    }

    public void OnMiddleware(Type middlewareType, Type messageType, Type? handlerType)
        => Target.AddStep(DispatchStep.Middleware(middlewareType, messageType, handlerType));

    public void OnHandler(Type handlerType, Type messageType)
        => Target.AddStep(DispatchStep.Handler(handlerType, messageType));

    public void OnNotificationOutcome(Type messageType, Type? handlerType, MessageOutcome outcome, int attempts, Exception? exception)
        => Target.AddOutcome(messageType, handlerType, outcome, attempts, exception);

    private ObservedActivity Target => (ObservedActivity?)_current.Value ?? Unattributed;
}
