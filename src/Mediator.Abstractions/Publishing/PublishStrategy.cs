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
}
