using System;

namespace Mediator;

/// <summary>
/// Thrown when a message whose pipeline holds a scoped handler or middleware is dispatched through a mediator resolved
/// from the root service provider (a singleton, a hosted service, <c>app.Services</c>): there is no scope to take the
/// scoped components from, and taking them from the root would share one instance (a <c>DbContext</c>, the current user)
/// between every caller for the life of the application.
/// </summary>
public sealed class ScopeRequiredException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="messageType"/>.</summary>
    /// <param name="messageType">The message whose pipeline needs a scope.</param>
    public ScopeRequiredException(Type messageType)
        : base(
            $"The pipeline of '{(messageType is null ? null : TypeDisplay.Of(messageType))}' has scoped components, but the mediator was resolved from the root " +
            "service provider, which has no scope. Resolve IMediator (ISender, IPublisher) from a scope: inject it into a " +
            "request-scoped class, or create one with IServiceScopeFactory.CreateAsyncScope() and resolve it from " +
            "scope.ServiceProvider. For background callers (hosted services, consumers), call " +
            "services.AddScopePerDispatchMediator() and inject ScopePerDispatchMediator, which opens a scope for each dispatch.")
    {
        MessageType = messageType ?? throw new ArgumentNullException(nameof(messageType));
    }

    /// <summary>The message whose pipeline needs a scope.</summary>
    public Type MessageType { get; }
}
