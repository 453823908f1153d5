using System;
using System.Collections.Generic;

namespace Mediator.Testing;

/// <summary>
/// Everything that happened to one message dispatched through the <see cref="MediatorTestClient"/>: the message, how
/// it was dispatched, what the pipeline ran (<see cref="ObservedActivity.Steps"/>, <see cref="ObservedActivity.Handlers"/>),
/// and how it ended (<see cref="Response"/>, <see cref="Exception"/>, <see cref="Items"/>).
/// </summary>
public sealed class DispatchRecord : ObservedActivity
{
    private readonly List<object?> _items = new();
    private object? _response;
    private Exception? _exception;
    private bool _isCompleted;

    internal DispatchRecord(object message, DispatchMode mode, DispatchRecord? parent)
    {
        Message = message;
        MessageType = message.GetType();
        Mode = mode;
        Parent = parent;
    }

    /// <summary>The message as it was passed to the client.</summary>
    public object Message { get; }

    /// <summary>The runtime type of <see cref="Message"/>.</summary>
    public Type MessageType { get; }

    /// <summary>Whether the message was sent, published or streamed.</summary>
    public DispatchMode Mode { get; }

    /// <summary>
    /// The dispatch this one was started within (a handler that called the client again), or null for a dispatch the
    /// test started.
    /// </summary>
    public DispatchRecord? Parent { get; }

    /// <summary>The answer of a request; null for void requests, publishes, streams, failures and dispatches still running.</summary>
    public object? Response
    {
        get
        {
            lock (Gate)
            {
                return _response;
            }
        }
    }

    /// <summary>
    /// The exception the dispatch threw to the caller (the client rethrows it), such as a handler's exception or a
    /// <see cref="PublishException"/>; for a stream, the exception that ended the enumeration. Null otherwise.
    /// </summary>
    public Exception? Exception
    {
        get
        {
            lock (Gate)
            {
                return _exception;
            }
        }
    }

    /// <summary>For a stream, the items read so far, in order; empty for other modes.</summary>
    public IReadOnlyList<object?> Items
    {
        get
        {
            lock (Gate)
            {
                return _items.ToArray();
            }
        }
    }

    /// <summary>
    /// Whether the dispatch has ended: the call returned or threw, or, for a stream, the enumeration finished, failed
    /// or was disposed early. A stream that is never enumerated never completes.
    /// </summary>
    public bool IsCompleted
    {
        get
        {
            lock (Gate)
            {
                return _isCompleted;
            }
        }
    }

    /// <summary>
    /// How the dispatch ended for the caller: null while it runs; <see cref="MessageOutcome.Failed"/> when it threw;
    /// <see cref="MessageOutcome.Dropped"/> for a publish that publish-side middleware dropped before the fan-out;
    /// <see cref="MessageOutcome.Completed"/> otherwise (a publish whose handlers dropped it, but none failed, completed;
    /// see <see cref="ObservedActivity.Handlers"/> for each handler).
    /// </summary>
    public MessageOutcome? Outcome
    {
        get
        {
            lock (Gate)
            {
                if (!_isCompleted)
                {
                    return null;
                }

                if (_exception is not null)
                {
                    return MessageOutcome.Failed;
                }
            }

            return DroppedBeforeFanOut ? MessageOutcome.Dropped : MessageOutcome.Completed;
        }
    }

    /// <summary>A short description for assertion messages.</summary>
    public override string ToString()
        => $"{Mode} {TypeNames.Display(MessageType)}: {(Outcome?.ToString() ?? "running")}, {Steps.Count} step(s)";

    internal void AddItem(object? item)
    {
        lock (Gate)
        {
            _items.Add(item);
        }
    }

    internal void Complete(object? response, Exception? exception)
    {
        lock (Gate)
        {
            _response = response;
            _exception = exception;
            _isCompleted = true;
        }
    }
}
