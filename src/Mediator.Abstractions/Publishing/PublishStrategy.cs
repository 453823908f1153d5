namespace Mediator;

/// <summary>How <c>Publish</c> runs the handlers of a notification.</summary>
public enum PublishStrategy
{
    /// <summary>
    /// One handler after the other, in a stable order (the default). Every handler runs even when one fails; the
    /// failures are reported together once all have run.
    /// </summary>
    Sequential = 0,

    /// <summary>
    /// Every handler is started before any is awaited, so asynchronous handlers overlap. Failures are reported together
    /// once all have finished.
    /// </summary>
    Concurrent = 1,

    /// <summary>
    /// <c>Publish</c> returns at once; the publish (publish-side middleware, then the handlers one after the other, as
    /// <see cref="Sequential"/>) runs on the thread pool, in a scope of its own when a component is scoped or transient,
    /// with no cancellation token (the caller has moved on). The caller sees no failure: each failed handler goes to the
    /// <c>IDeadLetterSink</c> when one is registered, and whatever did not reach it (every failure when none is
    /// registered, a failure outside any handler, the sink's own) is logged as an error.
    /// </summary>
    FireAndForget = 2,

    /// <summary>
    /// One handler after the other, as <see cref="Sequential"/>, but the first handler that fails (after its retries)
    /// ends the publish: the handlers after it do not run, and its failure is thrown.
    /// </summary>
    StopOnFirstFailure = 3,
}
