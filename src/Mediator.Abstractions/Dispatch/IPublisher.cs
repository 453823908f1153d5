using System.Threading;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Publishes notifications to every handler compiled for them. The generated <c>Mediator</c> class implements this
/// interface and also has one typed <c>Publish</c> overload per notification type, which is the fastest path.
/// </summary>
public interface IPublisher
{
    /// <summary>
    /// Publishes a notification to the handlers of its runtime type, of its base classes and of its interfaces. A
    /// notification nobody handles completes at once. Drops are not errors.
    /// </summary>
    /// <typeparam name="TNotification">The notification's static type.</typeparam>
    /// <param name="notification">The notification.</param>
    /// <param name="cancellationToken">Observed by middleware and handlers; when it is cancelled, the remaining handlers do not run and an <see cref="System.OperationCanceledException"/> is thrown.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="PublishException">One or more handlers failed; all the others still ran.</exception>
    ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification;

    /// <summary>
    /// Publishes a notification whose type is known only at run time (deserialized, taken from a queue): the generated
    /// mediator switches on its run-time type, without reflection, and publishes it as the typed overloads do, to the
    /// handlers of its type, of its base classes and of its interfaces, with the same strategy and failures. A notification
    /// nobody handles completes at once.
    /// </summary>
    /// <param name="notification">The notification: an <see cref="INotification"/> (a struct arrives boxed).</param>
    /// <param name="cancellationToken">Observed by middleware and handlers.</param>
    /// <exception cref="System.ArgumentNullException"><paramref name="notification"/> is null.</exception>
    /// <exception cref="NotAMessageException">The object is not an <see cref="INotification"/>.</exception>
    /// <exception cref="PublishException">One or more handlers failed; all the others still ran.</exception>
    ValueTask Publish(object notification, CancellationToken cancellationToken = default);
}
