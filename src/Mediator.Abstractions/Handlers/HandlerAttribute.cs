using System;

namespace Mediator;

/// <summary>
/// Marks a class as a message handler. The source generator finds every class with this attribute,
/// builds one static pipeline per message it handles and registers it in <c>AddMediator()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class HandlerAttribute : Attribute
{
    /// <summary>
    /// How long one handler instance lives. <see cref="HandlerLifetime.Singleton"/> (the default) is the
    /// fastest; choose <see cref="HandlerLifetime.Scoped"/> when the handler depends on scoped services.
    /// </summary>
    public HandlerLifetime Lifetime { get; set; } = HandlerLifetime.Singleton;
}
