using System;
using System.Threading.Tasks;

namespace Mediator;

/// <summary>
/// Every handler of one notification type, as an <see cref="IPublishStrategy"/> sees them. The generator writes one struct
/// per notification type; indexes run from 0 to <see cref="Count"/> - 1 in the handlers' stable order.
/// </summary>
/// <typeparam name="TNotification">The notification type.</typeparam>
public interface INotificationHandlers<TNotification>
{
    /// <summary>How many handlers the notification has.</summary>
    int Count { get; }

    /// <summary>The handler class at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    Type HandlerType(int index);

    /// <summary>
    /// Runs handler <paramref name="index"/> through its handler-side middleware, once, and lets whatever it throws reach
    /// you as thrown (<see cref="DropException"/> and <see cref="RetryException"/> included): the raw call, as MediatR's
    /// publishers make it.
    /// </summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="context">The dispatch context to pass on.</param>
    ValueTask InvokeAsync(int index, TNotification notification, MessageContext context);

    /// <summary>
    /// Delivers to handler <paramref name="index"/> as the built-in strategies do: a <see cref="DropException"/> is a
    /// quiet outcome, a <see cref="RetryException"/> is retried with back-off up to the bound, a failure goes to the
    /// dead-letter sink, and the observer sees the outcome. Answers null when the handler completed or dropped the
    /// notification, its failure otherwise; throws only when the caller's token is cancelled. Throw
    /// <c>new PublishException(context.MessageType, failures)</c> to report failures as the built-in strategies do.
    /// </summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="context">The dispatch context to pass on.</param>
    ValueTask<NotificationFailure?> DeliverAsync(int index, TNotification notification, MessageContext context);
}
