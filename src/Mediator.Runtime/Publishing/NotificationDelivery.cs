using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Publishing;

/// <summary>
/// Delivers a notification to one handler (through its handler-side middleware) and turns what happens into an
/// outcome: completed, dropped, retried with back-off up to the bound, or failed (then the dead-letter sink gets it).
/// Generated notification pipelines call this; the handler's chain is a struct, so a delivery that completes
/// synchronously allocates nothing. Not meant to be called from user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class NotificationDelivery
{
    /// <summary>
    /// Runs the publish-side chain (which ends in the fan-out). A <see cref="DropException"/> from publish-side
    /// middleware ends the publish quietly, for every handler.
    /// </summary>
    /// <param name="chain">The publish-side chain.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="context">The dispatch context.</param>
    /// <param name="runtime">Observer and policies.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask PublishAsync<TNotification, TChain>(TChain chain, TNotification notification, MessageContext context, PublishRuntime runtime)
        where TChain : struct, INext<TNotification, Unit>
    {
        ValueTask<Unit> task;
        try
        {
            task = chain.InvokeAsync(notification, context);
        }
        catch (DropException dropped)
        {
            ReportDropped(context, runtime, dropped);
            return default;
        }

        if (task.IsCompletedSuccessfully)
        {
            _ = task.Result;
            return default;
        }

        return AwaitPublishAsync(task, context, runtime);
    }

    /// <summary>
    /// <see cref="PublishAsync{TNotification, TChain}"/> for a publish-side chain whose outermost middleware is an
    /// <see cref="INotificationMiddleware{TNotification}"/>, which answers a plain <see cref="ValueTask"/>. A twin rather
    /// than a conversion to one shape: converting a pending task would add a second state machine to every asynchronous
    /// publish.
    /// </summary>
    /// <param name="chain">The publish-side chain.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="context">The dispatch context.</param>
    /// <param name="runtime">Observer and policies.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask PublishPlainAsync<TNotification, TChain>(TChain chain, TNotification notification, MessageContext context, PublishRuntime runtime)
        where TChain : struct, INotificationNext<TNotification>
    {
        ValueTask task;
        try
        {
            task = chain.InvokeAsync(notification, context);
        }
        catch (DropException dropped)
        {
            ReportDropped(context, runtime, dropped);
            return default;
        }

        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return default;
        }

        return AwaitPublishPlainAsync(task, context, runtime);
    }

    private static async ValueTask AwaitPublishPlainAsync(ValueTask task, MessageContext context, PublishRuntime runtime)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (DropException dropped)
        {
            ReportDropped(context, runtime, dropped);
        }
    }

    /// <summary>Publish-side middleware dropped the notification: one outcome for the whole publish, no handler named.</summary>
    private static void ReportDropped(MessageContext context, PublishRuntime runtime, DropException dropped)
        => runtime.Observer?.OnNotificationOutcome(context.MessageType, null, MessageOutcome.Dropped, 0, dropped);

    private static async ValueTask AwaitPublishAsync(ValueTask<Unit> task, MessageContext context, PublishRuntime runtime)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (DropException dropped)
        {
            ReportDropped(context, runtime, dropped);
        }
    }

    /// <summary>
    /// Delivers the notification to one handler. Returns null when it completed or dropped the notification, the
    /// failure otherwise. Throws only when the caller's token is cancelled.
    /// </summary>
    /// <param name="handler">The handler's chain: its handler-side middleware, then the handler.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="context">The dispatch context.</param>
    /// <param name="runtime">Observer and policies.</param>
    /// <param name="handlerType">The handler, for outcomes and failures.</param>
    public static ValueTask<NotificationFailure?> DeliverAsync<TNotification, THandler>(
        THandler handler,
        TNotification notification,
        MessageContext context,
        PublishRuntime runtime,
        Type handlerType)
        where THandler : struct, INext<TNotification, Unit>
    {
        ValueTask<Unit> task;
        try
        {
            task = handler.InvokeAsync(notification, context);
        }
        catch (Exception exception)
        {
            return RecoverAsync(handler, notification, context, runtime, handlerType, exception);
        }

        if (task.IsCompletedSuccessfully)
        {
            _ = task.Result;
            runtime.Observer?.OnNotificationOutcome(context.MessageType, handlerType, MessageOutcome.Completed, 1, null);
            return default;
        }

        return AwaitDeliveryAsync(task, handler, notification, context, runtime, handlerType);
    }

    private static async ValueTask<NotificationFailure?> AwaitDeliveryAsync<TNotification, THandler>(
        ValueTask<Unit> task,
        THandler handler,
        TNotification notification,
        MessageContext context,
        PublishRuntime runtime,
        Type handlerType)
        where THandler : struct, INext<TNotification, Unit>
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return await RecoverAsync(handler, notification, context, runtime, handlerType, exception).ConfigureAwait(false);
        }

        runtime.Observer?.OnNotificationOutcome(context.MessageType, handlerType, MessageOutcome.Completed, 1, null);
        return null;
    }

    /// <summary>
    /// The first attempt threw <paramref name="error"/>: drop, retry with back-off, or fail. Returns null when the
    /// notification was dropped or a retry completed, the failure otherwise; rethrows the caller's cancellation.
    /// Sequential fan-outs await the handler themselves and call this only when it throws.
    /// </summary>
    /// <param name="handler">The handler's chain, to run again on retry.</param>
    /// <param name="notification">The notification.</param>
    /// <param name="context">The dispatch context.</param>
    /// <param name="runtime">Observer and policies.</param>
    /// <param name="handlerType">The handler, for outcomes and failures.</param>
    /// <param name="error">What the first attempt threw.</param>
    public static async ValueTask<NotificationFailure?> RecoverAsync<TNotification, THandler>(
        THandler handler,
        TNotification notification,
        MessageContext context,
        PublishRuntime runtime,
        Type handlerType,
        Exception error)
        where THandler : struct, INext<TNotification, Unit>
    {
        var attempts = 1;
        while (true)
        {
            if (error is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            {
                // The caller gave up: never retried, never a handler failure.
                ExceptionDispatchInfo.Capture(error).Throw();
            }

            if (error is DropException)
            {
                runtime.Observer?.OnNotificationOutcome(context.MessageType, handlerType, MessageOutcome.Dropped, attempts, error);
                return null;
            }

            if (error is not RetryException || attempts >= runtime.Options.MaxAttempts)
            {
                return await FailAsync(notification, context, runtime, handlerType, error, attempts).ConfigureAwait(false);
            }

            attempts++;
            await Task.Delay(runtime.Options.RetryDelay(attempts), runtime.TimeProvider, context.CancellationToken).ConfigureAwait(false);
            try
            {
                await handler.InvokeAsync(notification, context).ConfigureAwait(false);
                runtime.Observer?.OnNotificationOutcome(context.MessageType, handlerType, MessageOutcome.Completed, attempts, null);
                return null;
            }
            catch (Exception next)
            {
                error = next;
            }
        }
    }

    private static async ValueTask<NotificationFailure> FailAsync<TNotification>(
        TNotification notification,
        MessageContext context,
        PublishRuntime runtime,
        Type handlerType,
        Exception error,
        int attempts)
    {
        runtime.Observer?.OnNotificationOutcome(context.MessageType, handlerType, MessageOutcome.Failed, attempts, error);
        if (runtime.DeadLetters is { } sink)
        {
            try
            {
                await sink.ReceiveAsync(new DeadLetter(notification!, context.MessageType, handlerType, error, attempts), context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception sinkError)
            {
                error = new DeadLetterSinkFailure($"The dead-letter sink '{sink.GetType().FullName}' threw while keeping a failure of '{handlerType.FullName}'.", error, sinkError);
            }
        }

        return new NotificationFailure(handlerType, error, attempts);
    }

    /// <summary>
    /// <see cref="PublishFailures.Original"/>: when exactly one handler failed, rethrows its own exception with its original
    /// stack trace (MediatR's behaviour); when several failed, throws <see cref="PublishException"/> with all of them.
    /// </summary>
    /// <param name="notificationType">The notification type the pipeline was compiled for.</param>
    /// <param name="failures">The failures, or null.</param>
    public static void ThrowOriginalIfFailed(Type notificationType, List<NotificationFailure>? failures)
    {
        if (failures is null)
        {
            return;
        }

        if (failures.Count == 1)
        {
            // Capture keeps the frames of the handler's throw and adds this rethrow to them; the object is the handler's.
            ExceptionDispatchInfo.Capture(failures[0].Exception).Throw();
        }

        throw new PublishException(notificationType, failures);
    }

    /// <summary>Throws <see cref="PublishException"/> when any handler failed.</summary>
    /// <param name="notificationType">The notification type the pipeline was compiled for.</param>
    /// <param name="failures">The failures, or null.</param>
    public static void ThrowIfFailed(Type notificationType, List<NotificationFailure>? failures)
    {
        if (failures is not null)
        {
            throw new PublishException(notificationType, failures);
        }
    }
}
