using System;

namespace Mediator;

/// <summary>
/// Thrown by the dispatch methods that take an <see cref="object"/> (<c>Send(object)</c>, <c>CreateStream(object)</c>,
/// <c>Publish(object)</c>) when the object is not a message of the kind they dispatch: an object that implements no
/// message contract at all (<see cref="IMessage"/>), a notification given to <c>Send</c> or <c>CreateStream</c>, or a
/// request given to <c>Publish</c>. A request of a type no handler was compiled for is
/// <see cref="HandlerNotFoundException"/> instead. A call whose argument's static type can never be a message is reported
/// at compile time (MED0058), and one whose static type is a message of the other kind too (MED0030).
/// </summary>
public sealed class NotAMessageException : ArgumentException
{
    /// <summary>Creates the exception for an object of type <paramref name="objectType"/> given to <paramref name="dispatchMethod"/>.</summary>
    /// <param name="objectType">The run-time type of the object given.</param>
    /// <param name="dispatchMethod">The method it was given to: <c>Send</c>, <c>CreateStream</c> or <c>Publish</c>.</param>
    public NotAMessageException(Type objectType, string dispatchMethod)
        : base(Describe(objectType, dispatchMethod), dispatchMethod == "Publish" ? "notification" : "request")
    {
        ObjectType = objectType;
        DispatchMethod = dispatchMethod;
    }

    /// <summary>The run-time type of the object given.</summary>
    public Type ObjectType { get; }

    /// <summary>The method it was given to: <c>Send</c>, <c>CreateStream</c> or <c>Publish</c>.</summary>
    public string DispatchMethod { get; }

    private static string Describe(Type objectType, string dispatchMethod)
    {
        if (objectType is null)
        {
            throw new ArgumentNullException(nameof(objectType));
        }

        if (dispatchMethod is null)
        {
            throw new ArgumentNullException(nameof(dispatchMethod));
        }

        var name = TypeDisplay.Of(objectType);
        var isMessage = typeof(IMessage).IsAssignableFrom(objectType);
        if (dispatchMethod == "Publish")
        {
            return isMessage
                ? $"'{name}' is a request or stream request, not a notification: Publish(object) publishes objects that implement INotification. " +
                  "Send a request with Send(object), open a stream request with CreateStream(object)."
                : $"'{name}' is not a message: Publish(object) publishes objects that implement INotification. Implement " +
                  $"INotification on '{name}', or pass the message it carries (after deserializing, the message itself, not its envelope).";
        }

        if (typeof(INotification).IsAssignableFrom(objectType))
        {
            var kind = dispatchMethod == "CreateStream" ? "stream request" : "request";
            return $"'{name}' is a notification, not a {kind}: {dispatchMethod}(object) dispatches {kind}s. Publish it with Publish(object).";
        }

        return $"'{name}' is not a message: {dispatchMethod}(object) dispatches objects that implement IRequest<TResponse>, " +
            $"IRequest or IStreamRequest<TItem>. Implement the contract of its kind on '{name}' (and compile a [Handler] for it), " +
            "or pass the message it carries (after deserializing, the message itself, not its envelope).";
    }
}
