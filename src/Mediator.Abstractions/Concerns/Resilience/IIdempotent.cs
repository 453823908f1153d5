namespace Mediator.Resilience;

/// <summary>
/// Marks a message whose handler may safely run more than once for one send: the retry middleware only re-invokes
/// messages that implement it (directly or through <see cref="IQuery{TResponse}"/>), unless their
/// <see cref="RetryAttribute.AllowNonIdempotent"/> says otherwise. On a notification it vouches for every handler of
/// it; on a notification handler class, for that handler alone (the retry middleware re-runs one handler at a time).
/// </summary>
public interface IIdempotent
{
}
