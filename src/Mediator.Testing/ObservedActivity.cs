using System;
using System.Collections.Generic;
using System.Linq;

namespace Mediator.Testing;

/// <summary>
/// What the pipelines reported to the observer: the steps in the order they ran, the outcome of each notification
/// handler, and drops before the fan-out. A <see cref="DispatchRecord"/> holds this for one dispatch made through the
/// client; <see cref="MediatorTestClient.Unattributed"/> holds it for dispatches made around the client.
/// </summary>
/// <remarks>
/// Appends are thread-safe (a concurrent publish reports from several handlers at once) and every list returned is
/// a snapshot, safe to enumerate while the dispatch is still running.
/// </remarks>
public class ObservedActivity
{
    private readonly List<DispatchStep> _steps = new();
    private readonly List<HandlerRecord> _handlers = new();
    private readonly List<(MessageOutcome Outcome, Exception? Exception)> _fanOutOutcomes = new();

    internal ObservedActivity()
    {
    }

    /// <summary>The middlewares and handlers, in the order they were about to run (a handler once per attempt).</summary>
    public IReadOnlyList<DispatchStep> Steps
    {
        get
        {
            lock (Gate)
            {
                return _steps.ToArray();
            }
        }
    }

    /// <summary>How each notification handler ended, in the order the outcomes were reported.</summary>
    public IReadOnlyList<HandlerRecord> Handlers
    {
        get
        {
            lock (Gate)
            {
                return _handlers.ToArray();
            }
        }
    }

    /// <summary>Whether publish-side middleware dropped a notification for every handler, before the fan-out.</summary>
    public bool DroppedBeforeFanOut
    {
        get
        {
            lock (Gate)
            {
                return _fanOutOutcomes.Any(o => o.Outcome == MessageOutcome.Dropped);
            }
        }
    }

    /// <summary>The <see cref="DropException"/> that dropped the notification before the fan-out (the first one); null when none did.</summary>
    public Exception? DropBeforeFanOutException
    {
        get
        {
            lock (Gate)
            {
                foreach (var outcome in _fanOutOutcomes)
                {
                    if (outcome.Outcome == MessageOutcome.Dropped)
                    {
                        return outcome.Exception;
                    }
                }

                return null;
            }
        }
    }

    /// <summary>The types of the middleware steps, in the order they ran (handler-side notification middleware included).</summary>
    public IReadOnlyList<Type> MiddlewareOrder
        => Steps.Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType).ToArray();

    /// <summary>Whether nothing has been reported.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (Gate)
            {
                return _steps.Count == 0 && _handlers.Count == 0 && _fanOutOutcomes.Count == 0;
            }
        }
    }

    /// <summary>The lock that guards this record's state.</summary>
    private protected object Gate { get; } = new();

    /// <summary>
    /// The steps of one notification handler: its handler-side middleware and its attempts, in order. Useful when a
    /// concurrent publish interleaves the handlers' steps.
    /// </summary>
    /// <param name="handlerType">The handler.</param>
    public IReadOnlyList<DispatchStep> StepsFor(Type handlerType)
        => Steps.Where(s => s.HandlerType == handlerType).ToArray();

    /// <summary>The outcome of one notification handler.</summary>
    /// <param name="handlerType">The handler.</param>
    /// <exception cref="InvalidOperationException">No outcome, or more than one, was reported for <paramref name="handlerType"/>.</exception>
    public HandlerRecord Handler(Type handlerType)
    {
        var handlers = Handlers;
        var matches = handlers.Where(h => h.HandlerType == handlerType).ToArray();
        if (matches.Length == 1)
        {
            return matches[0];
        }

        var reported = handlers.Count == 0 ? "none" : string.Join("; ", handlers);
        throw new InvalidOperationException(
            $"Expected one outcome for handler '{TypeNames.Display(handlerType)}' but found {matches.Length}. Outcomes reported: {reported}.");
    }

    /// <summary>The outcome of the notification handler <typeparamref name="THandler"/>.</summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <exception cref="InvalidOperationException">No outcome, or more than one, was reported for the handler.</exception>
    public HandlerRecord Handler<THandler>() => Handler(typeof(THandler));

    internal void AddStep(DispatchStep step)
    {
        lock (Gate)
        {
            _steps.Add(step);
        }
    }

    internal void AddOutcome(Type messageType, Type? handlerType, MessageOutcome outcome, int attempts, Exception? exception)
    {
        lock (Gate)
        {
            if (handlerType is null)
            {
                // Only a drop by publish-side middleware is reported without a handler; kept whatever the outcome.
                _fanOutOutcomes.Add((outcome, exception));
            }
            else
            {
                _handlers.Add(new HandlerRecord(messageType, handlerType, outcome, attempts, exception));
            }
        }
    }

    internal void ClearObservations()
    {
        lock (Gate)
        {
            _steps.Clear();
            _handlers.Clear();
            _fanOutOutcomes.Clear();
        }
    }
}
