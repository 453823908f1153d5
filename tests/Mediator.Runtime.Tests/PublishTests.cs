using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>Publish: every handler runs, failures are reported together, strategies behave as documented.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Sequential_publish_runs_every_handler_even_when_one_fails_and_reports_failures_together()
    {
        using var host = TestHost.Create();
        using var scope = host.Provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<Mediator>();

        var error = await Assert.ThrowsAsync<PublishException>(() => mediator.Publish(new Broadcast("hi")).AsTask());

        Assert.Equal(new[] { "A fails", "B hi", "C hi" }, host.Recorder.Lines);
        Assert.Equal(typeof(Broadcast), error.NotificationType);
        Assert.Equal(new[] { typeof(BroadcastA), typeof(BroadcastC) }, error.Failures.Select(f => f.HandlerType));
        Assert.All(error.Failures, f => Assert.IsType<BroadcastFailure>(f.Exception));
        Assert.All(error.Failures, f => Assert.Equal(1, f.Attempts));
        Assert.Equal(2, error.InnerExceptions.Count);
        Assert.Contains("2 handler(s) of 'Broadcast' failed", error.Message);
    }

    [Fact]
    public async Task Concurrent_publish_overlaps_handlers()
    {
        // Each handler waits for the other to start: a sequential fan-out could never finish.
        using var host = TestHost.Create();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1)); // a hang guard, not a timing claim

        await host.Mediator.Publish(new Rendezvous(), guard.Token);

        var probe = host.Provider.GetRequiredService<RendezvousProbe>();
        Assert.True(probe.LeftArrived.Task.IsCompletedSuccessfully && probe.RightArrived.Task.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Publish_side_drop_ends_the_publish_quietly_before_any_handler()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new Gated(Drop: true));
        Assert.Empty(host.Recorder.Lines);

        await host.Mediator.Publish(new Gated(Drop: false));
        Assert.Equal(new[] { "gated handled" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task The_interface_path_finds_the_pipeline_of_the_runtime_type()
    {
        using var host = TestHost.Create();
        IPublisher publisher = host.Mediator;

        await publisher.Publish<INotification>(new UserRegistered("grace"));
        await publisher.Publish<IOrderEvent>(new OrderCancelled(1));

        Assert.Contains("welcome grace", host.Recorder.Lines);
        Assert.Contains("audit OrderCancelled 1", host.Recorder.Lines);
    }

    [Fact]
    public async Task A_notification_nobody_handles_completes_at_once()
    {
        using var host = TestHost.Create();

        // "At once": the returned task has already completed when Publish returns; nothing is scheduled or awaited.
        var typed = host.Mediator.Publish(new NobodyListens());
        var throughTheInterface = ((IMediator)host.Mediator).Publish(new NobodyListens());

        Assert.True(typed.IsCompletedSuccessfully);
        Assert.True(throughTheInterface.IsCompletedSuccessfully);
        await typed;
        await throughTheInterface;
        Assert.Empty(host.Recorder.Lines);
    }

    [Fact]
    public async Task Null_notifications_are_rejected()
    {
        using var host = TestHost.Create();

        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Mediator.Publish((UserRegistered)null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((IMediator)host.Mediator).Publish<INotification>(null!).AsTask());
    }

    [Fact]
    public async Task Notification_only_and_two_mode_middleware_mix_in_one_sequential_chain()
    {
        // PlainFirst (INotificationMiddleware, a plain ValueTask) wraps UnitSecond (IMiddleware<T, Unit>) wraps each
        // handler; every step completes asynchronously and one handler fails, so the failure goes through the
        // runtime's delivery helpers, which call the chain's first step through INext<T, Unit>. Handlers run in name
        // order: MixedFails (whose chain stops at the throw), then MixedWorks.
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new MixedEvent("seq")).AsTask());

        Assert.Equal(typeof(MixedFails), Assert.Single(error.Failures).HandlerType);
        Assert.Equal("fails seq", error.Failures[0].Exception.Message);
        Assert.Equal(
            new[] { "plain before", "unit before", "plain before", "unit before", "works seq", "unit after", "plain after" },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task Notification_only_and_two_mode_middleware_mix_in_one_concurrent_chain()
    {
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new MixedConcurrentEvent("con")).AsTask());

        Assert.Equal(typeof(MixedFails), Assert.Single(error.Failures).HandlerType);
        var lines = host.Recorder.Lines;
        Assert.Equal(2, lines.Count(line => line == "plain before"));
        Assert.Equal(2, lines.Count(line => line == "unit before"));
        Assert.Single(lines, line => line == "works con");
        Assert.Single(lines, line => line == "unit after");
        Assert.Single(lines, line => line == "plain after");
    }
}
