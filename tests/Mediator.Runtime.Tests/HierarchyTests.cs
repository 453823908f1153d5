using Mediator;

namespace RuntimeTests;

/// <summary>Global wraps group wraps message middleware, whatever their Order; publish-side runs once, handler-side per handler.</summary>
public sealed class HierarchyTests
{
    [Fact]
    public async Task Publish_runs_publish_side_once_and_global_group_message_around_each_handler()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new OrderPlaced(7));

        string[] around(string handler) =>
        [
            "global before", "group before", "message before", handler, "message after", "group after", "global after",
        ];
        // Handlers run in a stable order: by handler type name (OrderEventAudit before OrderPlacedEmail).
        var expected = new[] { "publish before" }
            .Concat(around("audit OrderPlaced 7"))
            .Concat(around("email 7"))
            .Append("publish after");
        Assert.Equal(expected, host.Recorder.Lines);
    }

    [Fact]
    public async Task A_handler_of_the_group_interface_receives_every_member_and_message_middleware_stays_with_its_type()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new OrderCancelled(3));

        Assert.Equal(
            new[] { "publish before", "global before", "group before", "audit OrderCancelled 3", "group after", "global after", "publish after" },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task A_notification_outside_the_group_gets_only_global_middleware()
    {
        using var host = TestHost.Create();

        await host.Mediator.Publish(new UserRegistered("ada"));

        Assert.Equal(new[] { "publish before", "global before", "welcome ada", "global after", "publish after" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task Send_layers_global_group_message_the_same_way()
    {
        using var host = TestHost.Create();

        Assert.Equal(5, await host.Mediator.Send(new Charge(5)));

        Assert.Equal(
            new[] { "global before", "billing group before", "charge message before", "charge 5", "charge message after", "billing group after", "global after" },
            host.Recorder.Lines);
    }

    [Fact]
    public async Task One_middleware_class_serves_Send_Publish_and_streams()
    {
        using var host = TestHost.Create();

        Assert.Equal(42, await host.Mediator.Send(new EveryModeRequest()));
        await host.Mediator.Publish(new EveryModeEvent());
        var items = new List<int>();
        await foreach (var item in host.Mediator.CreateStream(new EveryModeStream()))
        {
            items.Add(item);
        }

        Assert.Equal(new[] { 1, 2 }, items);
        Assert.Equal(
            new[]
            {
                "every-mode EveryModeRequest",
                "every-mode EveryModeEvent", "event handled",
                "every-mode EveryModeStream opened", "every-mode item 1", "every-mode item 2",
            },
            host.Recorder.Lines);
    }
}
