using Mediator;

namespace CompositionModule;

/// <summary>Handled in this module; the host sends it across.</summary>
public sealed class ModulePing : IRequest<int>;

/// <summary>Published to this module's two handlers; the host publishes it across.</summary>
public sealed class ModuleEvent : INotification;

[Handler]
internal sealed class ModulePingHandler : IRequestHandler<ModulePing, int>
{
    public ValueTask<int> Handle(ModulePing request, CancellationToken cancellationToken) => new(42);
}

[Handler]
internal sealed class ModuleEventFirst : INotificationHandler<ModuleEvent>
{
    public ValueTask Handle(ModuleEvent notification, CancellationToken cancellationToken) => default;
}

[Handler]
internal sealed class ModuleEventSecond : INotificationHandler<ModuleEvent>
{
    public ValueTask Handle(ModuleEvent notification, CancellationToken cancellationToken) => default;
}
