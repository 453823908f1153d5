using System;

namespace Mediator.Authorization;

/// <summary>
/// Thrown by the authorization middleware when the caller may not send the message: the handler was not called.
/// <see cref="Failure"/> tells an unknown caller (401) from a known one without permission (403).
/// </summary>
/// <remarks>It lives in Mediator.Runtime: the caller of <c>Send</c> catches it, never the message or handler author.</remarks>
public sealed class AuthorizationException : Exception
{
    /// <summary>Describes a refusal.</summary>
    /// <param name="messageType">The refused message type.</param>
    /// <param name="failure">Unauthenticated or forbidden.</param>
    /// <param name="requirement">What was not met, for logs (never the caller's claims).</param>
    public AuthorizationException(Type messageType, AuthorizationFailure failure, string requirement)
        : base((failure == AuthorizationFailure.Unauthenticated ? "An authenticated caller is required to send " : "The caller may not send ")
               + messageType.Name + ": " + requirement + ".")
    {
        MessageType = messageType;
        Failure = failure;
        Requirement = requirement;
    }

    /// <summary>The refused message type.</summary>
    public Type MessageType { get; }

    /// <summary>Unauthenticated or forbidden.</summary>
    public AuthorizationFailure Failure { get; }

    /// <summary>What was not met: "authentication", "role in (a, b)", "policy 'X'" or "the message's own check".</summary>
    public string Requirement { get; }
}
