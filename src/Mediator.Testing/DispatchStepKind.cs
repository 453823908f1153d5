namespace Mediator.Testing;

/// <summary>What ran in a <see cref="DispatchStep"/>.</summary>
public enum DispatchStepKind
{
    /// <summary>A middleware was about to run (<see cref="IDispatchObserver.OnMiddleware"/>).</summary>
    Middleware = 0,

    /// <summary>A handler was about to run, once per attempt (<see cref="IDispatchObserver.OnHandler"/>).</summary>
    Handler = 1,
}
