using System;

namespace Mediator.Publishing;

/// <summary>
/// A handler's failure that the dead-letter sink threw on while keeping it: the handler's exception, then the sink's.
/// Its own type (an <see cref="AggregateException"/> to the caller, as before) so that a fire-and-forget publish can tell
/// a failure the sink kept from one it did not, and log the latter.
/// </summary>
internal sealed class DeadLetterSinkFailure : AggregateException
{
    public DeadLetterSinkFailure(string message, Exception handlerError, Exception sinkError)
        : base(message, handlerError, sinkError)
    {
    }
}
