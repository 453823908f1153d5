using System;

namespace Mediator;

/// <summary>
/// Marks an interface or base class that messages share as a middleware group. A middleware whose message type
/// parameter is constrained to it (<c>where TMessage : IOrderMessage</c>) is group middleware: it wraps only the
/// group's messages, inside global middleware and outside message middleware.
/// </summary>
/// <remarks>A group must be something a message can derive from: an interface or a class that is neither sealed nor static (diagnostic MED0011).</remarks>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MiddlewareGroupAttribute : Attribute
{
}
