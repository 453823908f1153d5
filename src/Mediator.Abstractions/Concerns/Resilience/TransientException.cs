using System;

namespace Mediator.Resilience;

/// <summary>
/// A failure that may go away if the same message is sent again (a dropped connection, a deadlock victim, a busy
/// dependency). Throw it, or wrap the original error in it, from a handler or middleware: the retry middleware
/// re-invokes on it. It lives in the abstractions so that handlers can throw it without referencing the runtime.
/// </summary>
public class TransientException : Exception
{
    /// <summary>A transient failure described by <paramref name="message"/>.</summary>
    /// <param name="message">What failed.</param>
    public TransientException(string message)
        : base(message)
    {
    }

    /// <summary>A transient failure caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The original error.</param>
    public TransientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
