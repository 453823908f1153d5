using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Events
{
    public interface IDomainEvent : INotification
    {
        Guid Id { get; }
    }

    public abstract record DomainEvent(Guid Id) : IDomainEvent;

    public sealed record UserRegistered(Guid Id, string Email) : DomainEvent(Id);

    public sealed record UserRenamed(Guid Id, string Name) : DomainEvent(Id);

    public sealed class Outbox
    {
        public List<string> Sent { get; } = new();
    }

    /// <summary>A command whose handler publishes through the injected IPublisher, as application services do.</summary>
    public sealed record RegisterUser(string Email) : IRequest<Guid>;

    [Handler]
    public sealed class RegisterUserHandler(IPublisher publisher) : IRequestHandler<RegisterUser, Guid>
    {
        public async ValueTask<Guid> Handle(RegisterUser request, CancellationToken cancellationToken)
        {
            var id = Guid.NewGuid();
            await publisher.Publish(new UserRegistered(id, request.Email), cancellationToken);
            return id;
        }
    }

    [Handler]
    public sealed class SendWelcomeMail(Outbox outbox) : INotificationHandler<UserRegistered>
    {
        public ValueTask Handle(UserRegistered notification, CancellationToken cancellationToken)
        {
            outbox.Sent.Add("mail " + notification.Email);
            return ValueTask.CompletedTask;
        }
    }

    [Handler]
    public sealed class Projection(Outbox outbox) : INotificationHandler<IDomainEvent>
    {
        public ValueTask Handle(IDomainEvent notification, CancellationToken cancellationToken)
        {
            outbox.Sent.Add("project " + notification.GetType().Name);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Around each handler of a domain event.</summary>
    [Middleware(Order = 2)]
    public sealed class HandlerTiming<TNotification>(Outbox outbox) : INotificationMiddleware<TNotification>
        where TNotification : IDomainEvent
    {
        public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
            where TNext : struct, INotificationNext<TNotification>
        {
            await next.InvokeAsync(notification, context);
            outbox.Sent.Add("timed");
        }
    }

    /// <summary>Once per Publish, before the fan-out.</summary>
    [Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
    public sealed class PublishLog<TNotification>(Outbox outbox) : INotificationMiddleware<TNotification>
        where TNotification : INotification
    {
        public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
            where TNext : struct, INotificationNext<TNotification>
        {
            outbox.Sent.Add("publish " + typeof(TNotification).Name);
            return next.InvokeAsync(notification, context);
        }
    }
}
