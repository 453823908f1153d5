namespace Mediator;

/// <summary>What <c>Publish</c> throws when handlers fail (with the built-in strategies that report to the caller).</summary>
public enum PublishFailures
{
    /// <summary>
    /// Always a <see cref="PublishException"/> listing every failed handler, even when only one failed (the default).
    /// Code can catch one type and see every failure.
    /// </summary>
    Aggregate = 0,

    /// <summary>
    /// MediatR's behaviour: when exactly one handler failed, its own exception object is rethrown with its original stack
    /// trace, so <c>catch (MyException)</c> works as it did around MediatR. When two or more failed, a
    /// <see cref="PublishException"/> with all of them is thrown: none is dropped to pick one.
    /// </summary>
    Original = 1,
}
