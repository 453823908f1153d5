using Mediator.Testing.Tests.Fakes;

namespace Mediator.Testing.Tests;

public sealed class StreamTests
{
    private static readonly DispatchStep[] StartSteps =
    {
        DispatchStep.Middleware(typeof(StreamLogging<Countdown, int>), typeof(Countdown)),
        DispatchStep.Handler(typeof(CountdownHandler), typeof(Countdown)),
    };

    private static readonly DispatchStep ItemPublished = DispatchStep.Handler(typeof(ItemProducedHandler), typeof(ItemProduced));

    [Fact]
    public async Task A_stream_records_each_item_and_what_ran_during_every_read()
    {
        using var client = Clients.Create();
        var read = new List<int>();

        var stream = client.CreateStream(new Countdown(3));
        var record = Assert.Single(client.Dispatches);
        Assert.False(record.IsCompleted);
        Assert.Empty(record.Steps);

        await foreach (var item in stream)
        {
            read.Add(item);
            Assert.False(record.IsCompleted);
        }

        Assert.Equal(new[] { 1, 2, 3 }, read);
        Assert.Equal(DispatchMode.Stream, record.Mode);
        Assert.Equal(new object?[] { 1, 2, 3 }, record.Items);
        Assert.Equal(StartSteps.Concat(new[] { ItemPublished, ItemPublished, ItemPublished }), record.Steps);
        Assert.Equal(3, record.Handlers.Count);
        Assert.All(record.Handlers, h => Assert.Equal(new HandlerRecord(typeof(ItemProduced), typeof(ItemProducedHandler), MessageOutcome.Completed, 1, null), h));
        Assert.True(record.IsCompleted);
        Assert.Null(record.Exception);
        Assert.Equal(MessageOutcome.Completed, record.Outcome);
        Assert.True(client.Unattributed.IsEmpty);
    }

    [Fact]
    public async Task The_stream_record_does_not_leak_into_the_readers_flow_between_items()
    {
        using var client = Clients.Create();

        await foreach (var item in client.CreateStream(new Countdown(2)))
        {
            // Called on the mediator directly, between two reads: not part of the stream.
            await client.Mediator.Send(new Command("between " + item));
        }

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(StartSteps.Concat(new[] { ItemPublished, ItemPublished }), record.Steps);
        Assert.Equal(4, client.Unattributed.Steps.Count);
        Assert.All(client.Unattributed.Steps, s => Assert.Equal(typeof(Command), s.MessageType));
    }

    [Fact]
    public async Task A_failing_stream_records_the_items_before_it_and_the_exception_which_is_rethrown()
    {
        using var client = Clients.Create();
        var read = new List<int>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in client.CreateStream(new Countdown(3, FailAfter: 2)))
            {
                read.Add(item);
            }
        });

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(new[] { 1, 2 }, read);
        Assert.Equal(new object?[] { 1, 2 }, record.Items);
        Assert.Same(thrown, record.Exception);
        Assert.True(record.IsCompleted);
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
    }

    [Fact]
    public async Task A_stream_left_early_completes_when_the_reader_disposes_it()
    {
        using var client = Clients.Create();

        await foreach (var item in client.CreateStream(new Countdown(3)))
        {
            break;
        }

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(new object?[] { 1 }, record.Items);
        Assert.True(record.IsCompleted);
        Assert.Null(record.Exception);
    }

    [Fact]
    public async Task A_cancelled_read_is_recorded_as_the_exception_that_ended_the_stream()
    {
        using var client = Clients.Create();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in client.CreateStream(new Countdown(3)).WithCancellation(cancel.Token))
            {
                cancel.Cancel();
            }
        });

        var record = Assert.Single(client.Dispatches);
        Assert.IsAssignableFrom<OperationCanceledException>(record.Exception);
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
    }

    [Fact]
    public void A_stream_the_mediator_refuses_at_once_throws_at_once_and_is_recorded()
    {
        using var client = Clients.Create();

        Assert.Throws<HandlerNotFoundException>(() => client.CreateStream(new UnknownStream()));

        var record = Assert.Single(client.Dispatches);
        Assert.IsType<HandlerNotFoundException>(record.Exception);
        Assert.True(record.IsCompleted);
    }

    [Fact]
    public void A_stream_never_read_never_completes()
    {
        using var client = Clients.Create();

        _ = client.CreateStream(new Countdown(3));

        var record = Assert.Single(client.Dispatches);
        Assert.False(record.IsCompleted);
        Assert.Null(record.Outcome);
        Assert.Empty(record.Steps);
    }
}
