using Mediator;

namespace RuntimeTests;

// ---- the sequential fan-out's two paths: synchronous handlers are delivered without a state machine; at the first
// handler still running or throwing, the async path takes over from that handler on ----

/// <summary>Five handlers that complete in every way a handler can: published without middleware.</summary>
public sealed record Relay(string Text) : INotification;

/// <summary>The same five handlers through handler-side middleware (GlobalTrace, for IAudited), so each delivery is a ValueTask&lt;Unit&gt;.</summary>
public sealed record RelayAudited(string Text) : INotification, IAudited;

/// <summary>A handler of both that throws, synchronously or after an await, as its text says.</summary>
public sealed class RelayFailure(string message) : Exception(message);

/// <summary>Completes synchronously.</summary>
[Handler]
public sealed class RelayA(Recorder recorder) : INotificationHandler<Relay>, INotificationHandler<RelayAudited>
{
    public ValueTask Handle(Relay notification, CancellationToken cancellationToken) => Run(notification.Text);

    public ValueTask Handle(RelayAudited notification, CancellationToken cancellationToken) => Run(notification.Text);

    private ValueTask Run(string text)
    {
        recorder.Add("A " + text);
        return default;
    }
}

/// <summary>Completes after an await (the first handler the fast path cannot finish), unless told to throw first.</summary>
[Handler]
public sealed class RelayB(Recorder recorder) : INotificationHandler<Relay>, INotificationHandler<RelayAudited>
{
    public ValueTask Handle(Relay notification, CancellationToken cancellationToken) => Run(notification.Text);

    public ValueTask Handle(RelayAudited notification, CancellationToken cancellationToken) => Run(notification.Text);

    private async ValueTask Run(string text)
    {
        await Task.Yield();
        recorder.Add("B " + text);
    }
}

/// <summary>Throws synchronously (not an async method), after the async path has taken over.</summary>
[Handler]
public sealed class RelayC(Recorder recorder) : INotificationHandler<Relay>, INotificationHandler<RelayAudited>
{
    public ValueTask Handle(Relay notification, CancellationToken cancellationToken) => Run(notification.Text);

    public ValueTask Handle(RelayAudited notification, CancellationToken cancellationToken) => Run(notification.Text);

    private ValueTask Run(string text)
    {
        recorder.Add("C fails");
        throw new RelayFailure("C throws before returning a task");
    }
}

/// <summary>Throws after an await.</summary>
[Handler]
public sealed class RelayD(Recorder recorder) : INotificationHandler<Relay>, INotificationHandler<RelayAudited>
{
    public ValueTask Handle(Relay notification, CancellationToken cancellationToken) => Run(notification.Text);

    public ValueTask Handle(RelayAudited notification, CancellationToken cancellationToken) => Run(notification.Text);

    private async ValueTask Run(string text)
    {
        await Task.Yield();
        recorder.Add("D fails");
        throw new RelayFailure("D throws after an await");
    }
}

/// <summary>Completes synchronously, last.</summary>
[Handler]
public sealed class RelayE(Recorder recorder) : INotificationHandler<Relay>, INotificationHandler<RelayAudited>
{
    public ValueTask Handle(Relay notification, CancellationToken cancellationToken) => Run(notification.Text);

    public ValueTask Handle(RelayAudited notification, CancellationToken cancellationToken) => Run(notification.Text);

    private ValueTask Run(string text)
    {
        recorder.Add("E " + text);
        return default;
    }
}

/// <summary>Its first handler throws synchronously, so the fast path hands over at the very first handler.</summary>
public sealed record Tripwire : INotification;

[Handler]
public sealed class TripwireFirst(Recorder recorder) : INotificationHandler<Tripwire>
{
    public ValueTask Handle(Tripwire notification, CancellationToken cancellationToken)
    {
        recorder.Add("first fails");
        throw new RelayFailure("first");
    }
}

[Handler]
public sealed class TripwireSecond(Recorder recorder) : INotificationHandler<Tripwire>
{
    public ValueTask Handle(Tripwire notification, CancellationToken cancellationToken)
    {
        recorder.Add("second");
        return default;
    }
}
