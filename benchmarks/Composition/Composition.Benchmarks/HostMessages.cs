using Mediator;

namespace CompositionBenchmarks;

/// <summary>The same as the module's <c>ModulePing</c>, handled here: a send that stays within the host.</summary>
public sealed class HostPing : IRequest<int>;

/// <summary>The same as the module's <c>ModuleEvent</c>, with its two handlers here.</summary>
public sealed class HostEvent : INotification;

[Handler]
internal sealed class HostPingHandler : IRequestHandler<HostPing, int>
{
    public ValueTask<int> Handle(HostPing request, CancellationToken cancellationToken) => new(42);
}

[Handler]
internal sealed class HostEventFirst : INotificationHandler<HostEvent>
{
    public ValueTask Handle(HostEvent notification, CancellationToken cancellationToken) => default;
}

[Handler]
internal sealed class HostEventSecond : INotificationHandler<HostEvent>
{
    public ValueTask Handle(HostEvent notification, CancellationToken cancellationToken) => default;
}
