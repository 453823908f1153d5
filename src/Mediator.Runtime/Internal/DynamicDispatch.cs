using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Mediator.Internal;

/// <summary>
/// What the generated <c>Send(object)</c>, <c>CreateStream(object)</c> and <c>Publish(object)</c> share once their type
/// switch has chosen a pipeline (or none): the typed answer as an <c>object</c>, the typed stream as a stream of
/// <c>object</c>, and the exception for an object nothing takes. Not meant to be called from user code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DynamicDispatch
{
    /// <summary>
    /// <see cref="Unit.Value"/> boxed once: a void request's answer through <c>Send(object)</c>, as MediatR answers, without
    /// boxing a new <see cref="Unit"/> per call.
    /// </summary>
    private static readonly object BoxedUnit = Unit.Value;

    /// <summary>A pipeline's task as the <c>ValueTask&lt;object?&gt;</c> <c>Send(object)</c> returns; a completed one allocates only the boxed answer.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="task">The pipeline's task.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ValueTask<object?> ToObject<T>(ValueTask<T> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return new ValueTask<object?>(Box(task.Result));
        }

        return AwaitToObject(task);
    }

    /// <summary>
    /// A pipeline's stream as the stream of <c>object</c> <c>CreateStream(object)</c> returns: the same stream when its items
    /// are references (<see cref="IAsyncEnumerable{T}"/> is covariant), a boxing wrapper when they are structs.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="stream">The pipeline's stream.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static IAsyncEnumerable<object?> ToObjects<T>(IAsyncEnumerable<T> stream)
        => typeof(T).IsValueType ? BoxItems(stream) : Unsafe.As<IAsyncEnumerable<object?>>(stream);

    /// <summary>
    /// The exception for an object no pipeline of <c>Send(object)</c> or <c>CreateStream(object)</c> takes: a request of a
    /// type without a handler (<see cref="HandlerNotFoundException"/>), or a notification or no message at all
    /// (<see cref="NotAMessageException"/>, which says which).
    /// </summary>
    /// <param name="message">The object given (not null).</param>
    /// <param name="dispatchMethod"><c>Send</c> or <c>CreateStream</c>.</param>
    public static Exception NotDispatched(object message, string dispatchMethod)
        => message is IMessage && !(message is INotification)
            ? new HandlerNotFoundException(message.GetType())
            : new NotAMessageException(message.GetType(), dispatchMethod);

    /// <summary>The exception for an object given to <c>Publish(object)</c> that is not a notification.</summary>
    /// <param name="notification">The object given (not null).</param>
    public static Exception NotANotification(object notification) => new NotAMessageException(notification.GetType(), "Publish");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static object? Box<T>(T value) => typeof(T) == typeof(Unit) ? BoxedUnit : value;

    private static async ValueTask<object?> AwaitToObject<T>(ValueTask<T> task) => Box(await task.ConfigureAwait(false));

    private static async IAsyncEnumerable<object?> BoxItems<T>(IAsyncEnumerable<T> stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in stream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
