using Mediator;
using Mediator.Publishing;
using Mediator.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>The test client over the real generated pipelines: the observed steps are the pipelines' own reports.</summary>
public sealed class TestClientTests
{
    private static MediatorTestClient Client(Action<IServiceCollection>? configure = null)
        => MediatorTestClient.Create(services =>
        {
            services.AddSingleton<Recorder>();
            services.AddSingleton<OutcomeProbe>();
            services.AddSingleton<StreamProbe>();
            configure?.Invoke(services);
            services.AddMediator();
        });

    [Fact]
    public async Task Send_records_middleware_order_handler_and_response()
    {
        using var client = Client();

        Assert.Equal(5, await client.Send(new Charge(5)));

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(DispatchMode.Send, record.Mode);
        Assert.Equal(5, record.Response);
        Assert.Equal(
            new[] { typeof(GlobalTrace<Charge, int>), typeof(BillingGroupTrace<Charge, int>), typeof(ChargeOnly) },
            record.MiddlewareOrder);
        Assert.Equal(DispatchStep.Handler(typeof(ChargeHandler), typeof(Charge)), record.Steps[^1]);
        Assert.Equal(MessageOutcome.Completed, record.Outcome);
    }

    [Fact]
    public async Task Publish_records_publish_side_once_and_handler_side_per_handler()
    {
        using var client = Client();

        await client.Publish(new OrderPlaced(1));

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(typeof(PublishTrace<OrderPlaced>), record.MiddlewareOrder[0]);
        Assert.Equal(1, record.MiddlewareOrder.Count(t => t == typeof(PublishTrace<OrderPlaced>)));
        var perHandler = new[] { typeof(GlobalTrace<OrderPlaced, Unit>), typeof(OrderGroupTrace<OrderPlaced, Unit>), typeof(OrderPlacedOnly) };
        Assert.Equal(perHandler, record.StepsFor(typeof(OrderEventAudit)).Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
        Assert.Equal(perHandler, record.StepsFor(typeof(OrderPlacedEmail)).Where(s => s.Kind == DispatchStepKind.Middleware).Select(s => s.ComponentType));
        Assert.All(record.Handlers, h => Assert.Equal(MessageOutcome.Completed, h.Outcome));
        Assert.Equal(2, record.Handlers.Count);
    }

    [Fact]
    public async Task Drop_retry_and_failure_are_recorded_per_handler_with_attempts()
    {
        var clock = new RecordingTimeProvider();
        using var client = Client(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(new PublishOptions { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(10) });
        });
        var probe = client.Services.GetRequiredService<OutcomeProbe>();

        var publish = client.Publish(new Shipment("s", RetriesBeforeSuccess: 1, Drop: true, Fail: true)).AsTask();
        await probe.RetryingCalled.WaitAsync(TimeSpan.FromMinutes(1));
        await clock.NextTimerAsync(); // the retry's back-off has started
        clock.Fake.Advance(TimeSpan.FromMilliseconds(10));
        await Assert.ThrowsAsync<PublishException>(() => publish.WaitAsync(TimeSpan.FromMinutes(1)));

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(MessageOutcome.Dropped, record.Handler<DroppingHandler>().Outcome);
        Assert.Equal(MessageOutcome.Failed, record.Handler<FailingHandler>().Outcome);
        Assert.IsType<InvalidOperationException>(record.Handler<FailingHandler>().Exception);
        Assert.Equal(MessageOutcome.Completed, record.Handler<RetryingHandler>().Outcome);
        Assert.Equal(1, record.Handler<RetryingHandler>().Retries);
        Assert.Equal(2, record.StepsFor(typeof(RetryingHandler)).Count(s => s.Kind == DispatchStepKind.Handler));
        Assert.Equal(MessageOutcome.Failed, record.Outcome);
    }

    [Fact]
    public async Task A_drop_before_the_fan_out_is_recorded()
    {
        using var client = Client();

        await client.Publish(new Gated(Drop: true));

        var record = Assert.Single(client.Dispatches);
        Assert.True(record.DroppedBeforeFanOut);
        Assert.Empty(record.Handlers);
        Assert.Equal(MessageOutcome.Dropped, record.Outcome);
    }

    [Fact]
    public async Task Streams_record_items_and_stream_middleware()
    {
        using var client = Client();

        var items = new List<int>();
        await foreach (var item in client.CreateStream(new CountTo(3)))
        {
            items.Add(item);
        }

        var record = Assert.Single(client.Dispatches);
        Assert.Equal(DispatchMode.Stream, record.Mode);
        Assert.Equal(new object?[] { 1, 2, 3 }, record.Items);
        Assert.Equal(new[] { typeof(OuterStreamTrace<CountTo, int>), typeof(InnerStreamTrace<CountTo, int>) }, record.MiddlewareOrder);
        Assert.True(record.IsCompleted);
    }
}
