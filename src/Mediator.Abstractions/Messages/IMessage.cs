namespace Mediator;

/// <summary>
/// Marker shared by every message the mediator dispatches. User code implements one of the
/// derived interfaces (<see cref="IRequest{TResponse}"/> or <see cref="IRequest"/>), not this one.
/// </summary>
public interface IMessage
{
}
