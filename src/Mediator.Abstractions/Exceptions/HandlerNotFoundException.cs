using System;

namespace Mediator;

/// <summary>
/// Thrown by the generic <c>Send</c> when the runtime type of a message has no handler compiled into the
/// mediator. Requests declared in the project are checked at compile time (diagnostic MED0001); this
/// exception covers message types the generator could not see, such as those from other assemblies.
/// </summary>
public sealed class HandlerNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="messageType"/>.</summary>
    /// <param name="messageType">The runtime type of the message that has no handler.</param>
    public HandlerNotFoundException(Type messageType)
        : base(
            $"No handler for '{(messageType is null ? null : CSharpTypeName.Of(messageType))}' was compiled into this mediator. Add a class marked " +
            "[Handler] that implements IRequestHandler for it in the project that calls AddMediator(), " +
            "or send it through the mediator of the assembly that handles it.")
    {
        MessageType = messageType ?? throw new ArgumentNullException(nameof(messageType));
    }

    /// <summary>The runtime type of the message that has no handler.</summary>
    public Type MessageType { get; }
}
