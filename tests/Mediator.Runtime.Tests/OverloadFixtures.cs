using Mediator;

namespace RuntimeTests;

// ---- a handler with several public Handle overloads: each contract's own method must run ----

/// <summary>A notification with a subclass, both handled by the same class.</summary>
public class Parcel : INotification
{
}

public sealed class ExpressParcel : Parcel
{
}

/// <summary>Another notification the same class handles, so it has a third contract overload.</summary>
public sealed class ParcelLost : INotification
{
}

/// <summary>
/// Handles <see cref="Parcel"/> and <see cref="ExpressParcel"/> (two contracts that both receive an
/// <see cref="ExpressParcel"/>) and <see cref="ParcelLost"/>, all implicitly, and also has a public
/// <c>Handle(ExpressParcel, CancellationToken, int)</c> overload that is no contract's. Publishing an
/// <see cref="ExpressParcel"/> must run the <see cref="Parcel"/> contract's method once and the
/// <see cref="ExpressParcel"/> one once: a direct call that let overload resolution pick the most specific
/// overload would run the <see cref="ExpressParcel"/> method twice.
/// </summary>
[Handler]
public sealed class ParcelTracker(Recorder recorder)
    : INotificationHandler<Parcel>, INotificationHandler<ExpressParcel>, INotificationHandler<ParcelLost>
{
    public ValueTask Handle(Parcel notification, CancellationToken cancellationToken)
    {
        recorder.Add("parcel " + notification.GetType().Name);
        return default;
    }

    public ValueTask Handle(ExpressParcel notification, CancellationToken cancellationToken)
    {
        recorder.Add("express");
        return default;
    }

    public ValueTask Handle(ParcelLost notification, CancellationToken cancellationToken)
    {
        recorder.Add("lost");
        return default;
    }

    /// <summary>Not a contract method: never called by the mediator.</summary>
    public ValueTask Handle(ExpressParcel notification, CancellationToken cancellationToken, int priority = 0)
    {
        recorder.Add("not a contract " + priority);
        return default;
    }
}

/// <summary>Implements the contract in a base class (abstract: a base, not a handler of its own, as MED0034 asks); the derived class hides <c>Handle</c> with a generic overload.</summary>
public abstract class ParcelLogBase(Recorder recorder) : INotificationHandler<ParcelLost>
{
    public ValueTask Handle(ParcelLost notification, CancellationToken cancellationToken)
    {
        recorder.Add("base lost");
        return default;
    }
}

/// <summary>
/// A direct <c>handler.Handle(notification, token)</c> on this class would bind to the generic method declared here
/// (C# considers only the most derived class's methods): the generator must call the contract through the interface.
/// </summary>
[Handler]
public sealed class ParcelLog(Recorder recorder) : ParcelLogBase(recorder)
{
    private readonly Recorder _recorder = recorder;

    public ValueTask Handle<T>(T notification, CancellationToken cancellationToken)
    {
        _recorder.Add("generic " + typeof(T).Name);
        return default;
    }
}
