using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Mediator;
using Mediator.Publishing;

namespace RuntimeTests;

// ---- stop at the first failure ----

/// <summary>Three handlers, A then B then C; B fails when asked; A yields first when asked (the asynchronous fan-out).</summary>
[PublishStrategy(PublishStrategy.StopOnFirstFailure)]
public sealed record Halting(bool FailB, bool Async) : INotification;

/// <summary>As <see cref="Halting"/>, with MediatR's failure mode: the combination MediatR's ForeachAwaitPublisher has.</summary>
[PublishStrategy(PublishStrategy.StopOnFirstFailure)]
[PublishFailures(PublishFailures.Original)]
public sealed record HaltingOriginal(bool FailB) : INotification;

public sealed class HaltingFailure(string message) : Exception(message);

[Handler]
public sealed class HaltingA(Recorder recorder) : INotificationHandler<Halting>, INotificationHandler<HaltingOriginal>
{
    public async ValueTask Handle(Halting notification, CancellationToken cancellationToken)
    {
        if (notification.Async)
        {
            await Task.Yield();
        }

        recorder.Add("A");
    }

    public ValueTask Handle(HaltingOriginal notification, CancellationToken cancellationToken)
    {
        recorder.Add("A");
        return default;
    }
}

[Handler]
public sealed class HaltingB(Recorder recorder) : INotificationHandler<Halting>, INotificationHandler<HaltingOriginal>
{
    public ValueTask Handle(Halting notification, CancellationToken cancellationToken)
    {
        recorder.Add("B");
        return notification.FailB ? throw new HaltingFailure("B failed") : default;
    }

    public ValueTask Handle(HaltingOriginal notification, CancellationToken cancellationToken)
    {
        recorder.Add("B");
        return notification.FailB ? throw new HaltingFailure("B failed") : default;
    }
}

[Handler]
public sealed class HaltingC(Recorder recorder) : INotificationHandler<Halting>, INotificationHandler<HaltingOriginal>
{
    public ValueTask Handle(Halting notification, CancellationToken cancellationToken)
    {
        recorder.Add("C");
        return default;
    }

    public ValueTask Handle(HaltingOriginal notification, CancellationToken cancellationToken)
    {
        recorder.Add("C");
        return default;
    }
}

// ---- the original exception ----

/// <summary>Sequential, MediatR's failure mode: <see cref="Failing"/> handlers fail (B, then C), each with its own exception.</summary>
[PublishFailures(PublishFailures.Original)]
public sealed record Rethrown(int Failing, bool Async) : INotification;

/// <summary>Keeps the exceptions the handlers threw, to compare with what the caller catches.</summary>
public sealed class ThrownProbe
{
    public ConcurrentQueue<Exception> Thrown { get; } = new();
}

public sealed class RethrownFailure(string message) : Exception(message);

[Handler]
public sealed class RethrownA(Recorder recorder) : INotificationHandler<Rethrown>
{
    public ValueTask Handle(Rethrown notification, CancellationToken cancellationToken)
    {
        recorder.Add("A");
        return default;
    }
}

[Handler]
public sealed class RethrownB(Recorder recorder, ThrownProbe probe) : INotificationHandler<Rethrown>
{
    public async ValueTask Handle(Rethrown notification, CancellationToken cancellationToken)
    {
        if (notification.Async)
        {
            await Task.Yield();
        }

        recorder.Add("B");
        if (notification.Failing >= 1)
        {
            FailHere(probe);
        }
    }

    /// <summary>A frame of its own, which the rethrown exception's stack trace must still show.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void FailHere(ThrownProbe probe)
    {
        var failure = new RethrownFailure("B failed");
        probe.Thrown.Enqueue(failure);
        throw failure;
    }
}

[Handler]
public sealed class RethrownC(Recorder recorder) : INotificationHandler<Rethrown>
{
    public ValueTask Handle(Rethrown notification, CancellationToken cancellationToken)
    {
        recorder.Add("C");
        return notification.Failing >= 2 ? throw new RethrownFailure("C failed") : default;
    }
}

// ---- a strategy of the user's ----

/// <summary>
/// Records what it is given, then runs the handlers last to first through InvokeAsync (the raw call), or through
/// DeliverAsync (the built-in semantics) and throws the failures together.
/// </summary>
public sealed class ReverseStrategy(Recorder recorder) : IPublishStrategy
{
    public async ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>
    {
        var names = new List<string>();
        for (var i = 0; i < handlers.Count; i++)
        {
            names.Add(handlers.HandlerType(i).Name);
        }

        recorder.Add("strategy sees " + string.Join(", ", names));
        if (notification is Customised { Deliver: true })
        {
            List<NotificationFailure>? failures = null;
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (await handlers.DeliverAsync(i, notification, context) is { } failure)
                {
                    (failures ??= new()).Add(failure);
                }
            }

            if (failures is not null)
            {
                throw new PublishException(context.MessageType, failures);
            }

            return;
        }

        for (var i = handlers.Count - 1; i >= 0; i--)
        {
            await handlers.InvokeAsync(i, notification, context);
        }
    }
}

/// <summary>Published through <see cref="ReverseStrategy"/>. <see cref="Fail"/>: the second handler throws; <see cref="Deliver"/>: DeliverAsync.</summary>
[PublishStrategy(typeof(ReverseStrategy))]
public sealed record Customised(bool Fail, bool Deliver, bool Drop = false) : INotification;

[Handler]
public sealed class CustomisedFirst(Recorder recorder) : INotificationHandler<Customised>
{
    public ValueTask Handle(Customised notification, CancellationToken cancellationToken)
    {
        recorder.Add("first");
        return notification.Drop ? throw new DropException("not for me") : default;
    }
}

[Handler]
public sealed class CustomisedSecond(Recorder recorder) : INotificationHandler<Customised>
{
    public ValueTask Handle(Customised notification, CancellationToken cancellationToken)
    {
        recorder.Add("second");
        return notification.Fail ? throw new InvalidOperationException("second failed") : default;
    }
}

[Handler]
public sealed class CustomisedThird(Recorder recorder) : INotificationHandler<Customised>
{
    public ValueTask Handle(Customised notification, CancellationToken cancellationToken)
    {
        recorder.Add("third");
        return default;
    }
}

/// <summary>A strategy that implements the contract explicitly (called through the interface) and adds nothing: for the allocation test.</summary>
public sealed class PlainLoopStrategy : IPublishStrategy
{
    ValueTask IPublishStrategy.PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            var task = handlers.InvokeAsync(i, notification, context);
            if (!task.IsCompletedSuccessfully)
            {
                return Rest(task, i, notification, handlers, context);
            }

            task.GetAwaiter().GetResult();
        }

        return default;
    }

    private static async ValueTask Rest<TNotification, THandlers>(ValueTask pending, int from, TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>
    {
        await pending;
        for (var i = from + 1; i < handlers.Count; i++)
        {
            await handlers.InvokeAsync(i, notification, context);
        }
    }
}

[PublishStrategy(typeof(PlainLoopStrategy))]
public sealed record Looped(int Value) : INotification;

[Handler]
public sealed class LoopedOne : INotificationHandler<Looped>
{
    public ValueTask Handle(Looped notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class LoopedTwo : INotificationHandler<Looped>
{
    public ValueTask Handle(Looped notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class LoopedThree : INotificationHandler<Looped>
{
    public ValueTask Handle(Looped notification, CancellationToken cancellationToken) => default;
}

// ---- fire and forget ----

/// <summary>What fire-and-forget handlers saw and did; registered per test host.</summary>
public sealed class BackgroundProbe
{
    private int _completed;
    private int _target = int.MaxValue;

    /// <summary>Held closed until the test opens it: the handler waits here, so the caller's Publish must not.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed once <see cref="ExpectCompletions"/> handlers have finished.</summary>
    public TaskCompletionSource AllCompleted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<(BackgroundResource Resource, bool DisposedWhileRunning)> Sightings { get; } = new();

    public void ExpectCompletions(int count)
    {
        Volatile.Write(ref _target, count);
        if (Volatile.Read(ref _completed) >= count)
        {
            AllCompleted.TrySetResult();
        }
    }

    public void Completed()
    {
        if (Interlocked.Increment(ref _completed) >= Volatile.Read(ref _target))
        {
            AllCompleted.TrySetResult();
        }
    }
}

/// <summary>A scoped dependency that knows when its scope disposed it.</summary>
public sealed class BackgroundResource : IAsyncDisposable
{
    public TaskCompletionSource DisposedSignal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Disposed => DisposedSignal.Task.IsCompleted;

    public ValueTask DisposeAsync()
    {
        DisposedSignal.TrySetResult();
        return default;
    }
}

[PublishStrategy(PublishStrategy.FireAndForget)]
public sealed record BackgroundWork(int Id) : INotification;

/// <summary>Scoped, with a scoped dependency: it waits for the gate, then checks its scope is still alive.</summary>
[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class BackgroundWorker(BackgroundResource resource, BackgroundProbe probe) : INotificationHandler<BackgroundWork>
{
    public async ValueTask Handle(BackgroundWork notification, CancellationToken cancellationToken)
    {
        await probe.Gate.Task;
        probe.Sightings.Enqueue((resource, resource.Disposed));
        probe.Completed();
    }
}

/// <summary>Two handlers: the first always fails, the second always completes; every publish has exactly one failure.</summary>
[PublishStrategy(PublishStrategy.FireAndForget)]
public sealed record BackgroundFailing(int Id) : INotification;

public sealed class BackgroundFailure(int id) : Exception("background failure " + id)
{
    public int Id { get; } = id;
}

[Handler]
public sealed class BackgroundFailingBoom : INotificationHandler<BackgroundFailing>
{
    public async ValueTask Handle(BackgroundFailing notification, CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new BackgroundFailure(notification.Id);
    }
}

[Handler]
public sealed class BackgroundFailingFine(BackgroundProbe probe) : INotificationHandler<BackgroundFailing>
{
    public ValueTask Handle(BackgroundFailing notification, CancellationToken cancellationToken)
    {
        probe.Completed();
        return default;
    }
}

/// <summary>Counts dead letters and signals when the expected number arrived.</summary>
public sealed class CountingDeadLetters : IDeadLetterSink
{
    private int _target = int.MaxValue;

    public ConcurrentQueue<DeadLetter> Letters { get; } = new();

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Expect(int count)
    {
        Volatile.Write(ref _target, count);
        if (Letters.Count >= count)
        {
            Reached.TrySetResult();
        }
    }

    public ValueTask ReceiveAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        Letters.Enqueue(letter);
        if (Letters.Count >= Volatile.Read(ref _target))
        {
            Reached.TrySetResult();
        }

        return default;
    }
}
