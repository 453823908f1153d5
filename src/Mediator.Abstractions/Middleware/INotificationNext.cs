using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// The rest of a notification pipeline, as seen by an <see cref="INotificationMiddleware{TNotification}"/>: a struct the
/// generator writes for every position, so the call is direct and inlinable.
/// </summary>
/// <typeparam name="TNotification">The notification.</typeparam>
public interface INotificationNext<TNotification>
{
    /// <summary>Runs the next middleware, or the fan-out or handler after the last.</summary>
    /// <param name="notification">The notification; pass on the one you received unless you mean to replace it.</param>
    /// <param name="context">The context; pass on the one you received, or a copy made with its <c>With...</c> methods.</param>
    /// <returns>A task that completes when the rest of the pipeline has.</returns>
    ValueTask InvokeAsync(TNotification notification, MessageContext context);
}
