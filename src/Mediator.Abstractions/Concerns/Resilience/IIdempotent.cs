namespace Mediator.Resilience;

/// <summary>
/// Marks a message whose handler may safely run more than once for one send: the retry middleware only re-invokes
/// messages that implement it (directly or through <see cref="IQuery{TResponse}"/>), unless their
/// <see cref="RetryAttribute.AllowNonIdempotent"/> says otherwise.
/// </summary>
public interface IIdempotent
{
}
