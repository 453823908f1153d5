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
    /// How long one handler instance lives. When not set, the project's default applies
    /// (<see cref="DefaultLifetimesAttribute.Handlers"/>, itself <see cref="ComponentLifetime.Singleton"/> unless set):
    /// singleton is the fastest; choose <see cref="ComponentLifetime.Scoped"/> when the handler depends on scoped
    /// services (a <c>DbContext</c>, the current user).
    /// </summary>
    public ComponentLifetime Lifetime { get; set; } = ComponentLifetime.Singleton;
}
