namespace Mediator;

/// <summary>
/// A notification (an event): published to every <see cref="INotificationHandler{TNotification}"/> of its type, of
/// its base classes and of its interfaces. Having no handler is allowed (diagnostic MED0010 says so, at low severity).
/// </summary>
public interface INotification : IMessage
{
}
