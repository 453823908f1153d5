using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

// MediatR 5.1.0 publishing to three handlers, wired to Microsoft.Extensions.DependencyInjection by hand as its DI
// extension package would (a ServiceFactory, the handlers as singletons). MediatR has no notification middleware
// (its IPipelineBehavior wraps Send only), so there is nothing to compare with our publish-side or handler-side layers.

public sealed class MrNote : global::MediatR.INotification
{
}

public sealed class MrNoteHandlerA : global::MediatR.INotificationHandler<MrNote>
{
    public Task Handle(MrNote notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class MrNoteHandlerB : global::MediatR.INotificationHandler<MrNote>
{
    public Task Handle(MrNote notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

public sealed class MrNoteHandlerC : global::MediatR.INotificationHandler<MrNote>
{
    public Task Handle(MrNote notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class MediatRPublishSetup
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<global::MediatR.ServiceFactory>(provider => provider.GetService!);
        services.AddSingleton<global::MediatR.IMediator, global::MediatR.Mediator>();
        services.AddSingleton<global::MediatR.INotificationHandler<MrNote>, MrNoteHandlerA>();
        services.AddSingleton<global::MediatR.INotificationHandler<MrNote>, MrNoteHandlerB>();
        services.AddSingleton<global::MediatR.INotificationHandler<MrNote>, MrNoteHandlerC>();
        return services.BuildServiceProvider();
    }
}
