using Mediator.Testing.Tests.Fakes;

namespace Mediator.Testing.Tests;

/// <summary>
/// The object overloads (code ported from MediatR's <c>Send(object)</c>/<c>Publish(object)</c>): each dispatch is
/// recorded with the message's run-time type and the same steps as the typed call, and a failure is recorded and rethrown.
/// </summary>
public sealed class ObjectDispatchTests
{
    [Fact]
    public async Task Send_object_records_the_run_time_type_the_steps_and_the_boxed_answer()
    {
        using var client = Clients.Create();
        object ping = new Ping(3);

        var answer = await client.Send(ping);

        Assert.Equal(new Pong(3), answer);
        var record = Assert.Single(client.Dispatches);
        Assert.Same(ping, record.Message);
        Assert.Equal(typeof(Ping), record.MessageType);
        Assert.Equal(DispatchMode.Send, record.Mode);
        Assert.Equal(new[] { typeof(MiddlewareA<Ping, Pong>), typeof(MiddlewareB<Ping, Pong>) }, record.MiddlewareOrder);
        Assert.Same(answer, record.Response);
        Assert.Equal(MessageOutcome.Completed, record.Outcome);
        Assert.True(client.Unattributed.IsEmpty);
    }

    [Fact]
    public async Task Send_object_of_a_request_without_an_answer_gives_Unit()
    {
        using var client = Clients.Create();

        var answer = await client.Send((object)new Command("ship"));

        Assert.Equal(Unit.Value, answer);
        Assert.Equal(typeof(Command), Assert.Single(client.Dispatches).MessageType);
    }

    [Fact]
    public async Task Send_object_of_something_that_is_not_a_message_is_recorded_as_failed_and_rethrown()
    {
        using var client = Clients.Create();

        var thrown = await Assert.ThrowsAsync<NotAMessageException>(() => client.Send(new object()).AsTask());

        var record = Assert.Single(client.Dispatches);
        Assert.Same(thrown, record.Exception);
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
        Assert.Throws<ArgumentNullException>(() => client.Send((object)null!));
    }

    [Fact]
    public async Task Publish_object_records_each_handlers_outcome_as_the_typed_call_does()
    {
        using var client = Clients.Create();

        await Assert.ThrowsAsync<PublishException>(() => client.Publish((object)new OrderPlaced()).AsTask());

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(typeof(OrderPlaced), record.MessageType);
        Assert.Equal(DispatchMode.Publish, record.Mode);
        Assert.Equal(new[] { typeof(DroppingHandler), typeof(FlakyHandler) }, record.Handlers.Select(h => h.HandlerType));
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
    }

    [Fact]
    public async Task CreateStream_object_records_each_item_boxed()
    {
        using var client = Clients.Create();
        var read = new List<object?>();

        await foreach (var item in client.CreateStream((object)new Countdown(2)))
        {
            read.Add(item);
        }

        Assert.Equal(new object?[] { 1, 2 }, read);
        var record = Assert.Single(client.Dispatches);
        Assert.Equal(DispatchMode.Stream, record.Mode);
        Assert.Equal(new object?[] { 1, 2 }, record.Items);
        Assert.True(record.IsCompleted);
    }

    [Fact]
    public async Task A_scope_dispatches_objects_in_its_own_scope_and_records_them()
    {
        using var client = Clients.Create();
        await using var scope = client.CreateScope();

        var answer = await scope.Send((object)new Ping(5));
        await scope.Publish((object)new Filtered());
        var items = new List<object?>();
        await foreach (var item in scope.CreateStream((object)new Countdown(1)))
        {
            items.Add(item);
        }

        Assert.Equal(new Pong(5), answer);
        Assert.Equal(new object?[] { 1 }, items);
        Assert.Equal(new[] { typeof(Ping), typeof(Filtered), typeof(Countdown) }, client.Dispatches.Select(d => d.MessageType));
        Assert.All(client.Dispatches, d => Assert.True(d.IsCompleted));
    }
}
