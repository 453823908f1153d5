using System;

namespace Mediator;

/// <summary>
/// Thrown by the generic <c>Send</c> and <c>CreateStream</c>, and by <c>Send(object)</c> and <c>CreateStream(object)</c>,
/// when the runtime type of a message has no handler compiled into the mediator. Requests declared in the project are
/// checked at compile time (diagnostic MED0001); this exception covers message types the generator could not see, such
/// as those from other assemblies, and messages whose type is known only at run time. The message names the type as C#
/// writes it (<c>IdentifiedCommand&lt;CancelOrder, bool&gt;</c>); <see cref="MessageType"/> is the type itself.
/// </summary>
public sealed class HandlerNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="messageType"/>.</summary>
    /// <param name="messageType">The runtime type of the message that has no handler.</param>
    public HandlerNotFoundException(Type messageType)
        : base(Describe(messageType))
    {
        MessageType = messageType;
    }

    /// <summary>The runtime type of the message that has no handler.</summary>
    public Type MessageType { get; }

    private static string Describe(Type messageType)
    {
        if (messageType is null)
        {
            throw new ArgumentNullException(nameof(messageType));
        }

        return $"No handler for '{TypeDisplay.Of(messageType)}' was compiled into this mediator. Add a class marked " +
            "[Handler] that implements IRequestHandler (IStreamRequestHandler for a stream request) for it in the project " +
            "that calls AddMediator() or in a project it references, or send it through the mediator of the assembly that handles it.";
    }
}
