using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Handles <typeparamref name="TNotification"/> and every notification that derives from it or implements it.
/// A notification may have any number of handlers; mark each class with <see cref="HandlerAttribute"/>.
/// </summary>
/// <remarks>
/// Throw <see cref="DropException"/> to discard the notification on purpose (recorded, not an error to the publisher)
/// and <see cref="RetryException"/> to have it delivered to this handler again after a back-off. Any other exception
/// is a failure of this handler; the other handlers still run.
/// </remarks>
/// <typeparam name="TNotification">The notification handled: a class, a struct, or an interface or base class many notifications share.</typeparam>
public interface INotificationHandler<in TNotification>
    where TNotification : INotification
{
    /// <summary>Handles the notification.</summary>
    /// <param name="notification">The notification, never <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancelled when the publisher gives up.</param>
    /// <returns>A task that completes when the notification has been handled.</returns>
    ValueTask Handle(TNotification notification, CancellationToken cancellationToken);
}
