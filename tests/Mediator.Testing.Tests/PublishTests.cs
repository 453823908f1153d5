using Mediator.Testing.Tests.Fakes;

namespace Mediator.Testing.Tests;

public sealed class PublishTests
{
    private static DispatchStep Around(Type handler) => DispatchStep.Middleware(typeof(HandlerSideRetry<OrderPlaced>), typeof(OrderPlaced), handler);

    private static DispatchStep Run(Type handler) => DispatchStep.Handler(handler, typeof(OrderPlaced));

    [Fact]
    public async Task Publish_records_each_handler_outcome_a_drop_and_a_failure_after_two_attempts()
    {
        using var client = Clients.Create();

        var thrown = await Assert.ThrowsAsync<PublishException>(() => client.Publish(new OrderPlaced()).AsTask());

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(DispatchMode.Publish, record.Mode);
        Assert.Same(thrown, record.Exception);
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
        Assert.Equal(
            new[]
            {
                DispatchStep.Middleware(typeof(PublishLogging<OrderPlaced>), typeof(OrderPlaced)),
                Around(typeof(DroppingHandler)),
                Run(typeof(DroppingHandler)),
                Around(typeof(FlakyHandler)),
                Run(typeof(FlakyHandler)),
                Around(typeof(FlakyHandler)),
                Run(typeof(FlakyHandler)),
            },
            record.Steps);

        var failure = Assert.Single(thrown.Failures);
        Assert.Equal(2, record.Handlers.Count);
        Assert.Equal(new HandlerRecord(typeof(OrderPlaced), typeof(DroppingHandler), MessageOutcome.Dropped, 1, record.Handlers[0].Exception), record.Handlers[0]);
        Assert.IsType<DropException>(record.Handlers[0].Exception);
        Assert.Equal(new HandlerRecord(typeof(OrderPlaced), typeof(FlakyHandler), MessageOutcome.Failed, 2, failure.Exception), record.Handlers[1]);
        Assert.IsType<RetryException>(record.Handlers[1].Exception);

        var flaky = record.Handler<FlakyHandler>();
        Assert.Equal(1, flaky.Retries);
        Assert.Equal(0, record.Handler(typeof(DroppingHandler)).Retries);
        Assert.False(record.DroppedBeforeFanOut);
        Assert.Null(record.DropBeforeFanOutException);
    }

    [Fact]
    public async Task A_concurrent_publish_attributes_each_handlers_interleaved_steps_and_outcomes_to_the_record()
    {
        using var client = Clients.Create();

        await Assert.ThrowsAsync<PublishException>(() => client.Publish(new OrderPlaced(Concurrent: true)).AsTask());

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(7, record.Steps.Count);
        Assert.Equal(DispatchStep.Middleware(typeof(PublishLogging<OrderPlaced>), typeof(OrderPlaced)), record.Steps[0]);
        Assert.Equal(new[] { Around(typeof(DroppingHandler)), Run(typeof(DroppingHandler)) }, record.StepsFor(typeof(DroppingHandler)));
        Assert.Equal(
            new[] { Around(typeof(FlakyHandler)), Run(typeof(FlakyHandler)), Around(typeof(FlakyHandler)), Run(typeof(FlakyHandler)) },
            record.StepsFor(typeof(FlakyHandler)));
        Assert.Equal(MessageOutcome.Dropped, record.Handler<DroppingHandler>().Outcome);
        Assert.Equal((MessageOutcome.Failed, 2), (record.Handler<FlakyHandler>().Outcome, record.Handler<FlakyHandler>().Attempts));
        Assert.True(client.Unattributed.IsEmpty);
    }

    [Fact]
    public async Task A_drop_before_the_fan_out_is_recorded_and_the_publish_completes()
    {
        using var client = Clients.Create();

        await client.Publish(new Filtered());

        var record = Assert.Single(client.Dispatches);
        Assert.True(record.DroppedBeforeFanOut);
        var drop = Assert.IsType<DropException>(record.DropBeforeFanOutException);
        Assert.Equal("filtered out", drop.Message);
        Assert.Empty(record.Handlers);
        Assert.Null(record.Exception);
        Assert.Equal(MessageOutcome.Dropped, record.Outcome);
        Assert.Equal(new[] { typeof(PublishLogging<Filtered>) }, record.MiddlewareOrder);
    }

    [Fact]
    public async Task Handler_lookup_explains_what_was_reported_when_the_handler_is_missing()
    {
        using var client = Clients.Create();
        await client.Publish(new Filtered());

        var error = Assert.Throws<InvalidOperationException>(() => client.Dispatches[0].Handler<FlakyHandler>());

        Assert.Contains("FlakyHandler", error.Message);
        Assert.Contains("none", error.Message);
    }
}
