using Mediator.Testing.Tests.Fakes;

namespace Mediator.Testing.Tests;

public sealed class SendTests
{
    private static readonly DispatchStep[] PingSteps =
    {
        DispatchStep.Middleware(typeof(MiddlewareA<Ping, Pong>), typeof(Ping)),
        DispatchStep.Middleware(typeof(MiddlewareB<Ping, Pong>), typeof(Ping)),
        DispatchStep.Handler(typeof(PingHandler), typeof(Ping)),
    };

    [Fact]
    public async Task Send_records_middleware_then_handler_in_order_and_the_response()
    {
        using var client = Clients.Create();
        var ping = new Ping(7);

        var pong = await client.Send(ping);

        Assert.Equal(new Pong(7), pong);
        var record = Assert.Single(client.Dispatches);
        Assert.Same(ping, record.Message);
        Assert.Equal(typeof(Ping), record.MessageType);
        Assert.Equal(DispatchMode.Send, record.Mode);
        Assert.Equal(PingSteps, record.Steps);
        Assert.Equal(new[] { typeof(MiddlewareA<Ping, Pong>), typeof(MiddlewareB<Ping, Pong>) }, record.MiddlewareOrder);
        Assert.Same(pong, record.Response);
        Assert.Null(record.Exception);
        Assert.True(record.IsCompleted);
        Assert.Equal(MessageOutcome.Completed, record.Outcome);
        Assert.Empty(record.Handlers);
        Assert.Empty(record.Items);
        Assert.Null(record.Parent);
        Assert.True(client.Unattributed.IsEmpty);
    }

    [Fact]
    public async Task A_failing_send_is_recorded_and_the_exception_rethrown()
    {
        using var client = Clients.Create();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Send(new Ping(1, Fail: true)).AsTask());

        var record = Assert.Single(client.Dispatches);
        Assert.Same(thrown, record.Exception);
        Assert.Null(record.Response);
        Assert.True(record.IsCompleted);
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
        Assert.Equal(PingSteps, record.Steps);
    }

    [Fact]
    public async Task A_void_send_is_recorded_without_a_response()
    {
        using var client = Clients.Create();

        await client.Send(new Command("ship"));

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(
            new[]
            {
                DispatchStep.Middleware(typeof(MiddlewareA<Command, Unit>), typeof(Command)),
                DispatchStep.Handler(typeof(CommandHandler), typeof(Command)),
            },
            record.Steps);
        Assert.Null(record.Response);
        Assert.Equal(MessageOutcome.Completed, record.Outcome);
    }

    [Fact]
    public async Task A_send_with_no_handler_is_recorded_as_failed_with_no_steps()
    {
        using var client = Clients.Create();

        await Assert.ThrowsAsync<HandlerNotFoundException>(() => client.Send(new Unknown()).AsTask());

        var record = Assert.Single(client.Dispatches);
        Assert.IsType<HandlerNotFoundException>(record.Exception);
        Assert.Empty(record.Steps);
    }

    [Fact]
    public async Task A_dispatch_made_by_a_handler_through_the_client_is_its_own_record_with_the_outer_as_parent()
    {
        using var client = Clients.Create();
        client.Behaviour().OnOuter = async () => (await client.Send(new Ping(3))).Id;

        var answer = await client.Send(new Outer());

        Assert.Equal(3, answer);
        Assert.Equal(2, client.Dispatches.Count);
        var outer = client.Dispatches[0];
        var inner = client.Dispatches[1];
        Assert.IsType<Outer>(outer.Message);
        Assert.Equal(new[] { DispatchStep.Handler(typeof(OuterHandler), typeof(Outer)) }, outer.Steps);
        Assert.Same(outer, inner.Parent);
        Assert.Equal(PingSteps, inner.Steps);
        Assert.Equal(3, outer.Response);
    }

    [Fact]
    public async Task Null_messages_are_rejected_before_anything_is_recorded()
    {
        using var client = Clients.Create();

        Assert.Throws<ArgumentNullException>(() => { _ = client.Send<Pong>(null!); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.Send((IRequest)null!); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.Publish<OrderPlaced>(null!); });
        Assert.Throws<ArgumentNullException>(() => client.CreateStream<int>(null!));
        Assert.Empty(client.Dispatches);
        await Task.CompletedTask;
    }

    [Fact]
    public void Steps_read_well_in_assertion_messages()
    {
        Assert.Equal("Middleware MiddlewareA<Ping, Pong> (Ping)", PingSteps[0].ToString());
        Assert.Equal("Handler PingHandler (Ping)", PingSteps[2].ToString());
        Assert.Equal(
            "Middleware HandlerSideRetry<OrderPlaced> around FlakyHandler (OrderPlaced)",
            DispatchStep.Middleware(typeof(HandlerSideRetry<OrderPlaced>), typeof(OrderPlaced), typeof(FlakyHandler)).ToString());
    }
}
