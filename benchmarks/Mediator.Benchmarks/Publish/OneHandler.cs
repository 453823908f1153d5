using Mediator;

namespace MediatorBenchmarks;

/// <summary>Published to exactly one handler, no middleware.</summary>
public sealed class SoloNote : INotification
{
}

[Handler]
public sealed class SoloNoteHandler : INotificationHandler<SoloNote>
{
    public ValueTask Handle(SoloNote notification, CancellationToken cancellationToken) => default;
}

public sealed class MrSoloNote : global::MediatR.INotification
{
}

public sealed class MrSoloNoteHandler : global::MediatR.INotificationHandler<MrSoloNote>
{
    public Task Handle(MrSoloNote notification, CancellationToken cancellationToken) => Task.CompletedTask;
}
