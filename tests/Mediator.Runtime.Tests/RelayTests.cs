using Mediator;

namespace RuntimeTests;

/// <summary>
/// The sequential fan-out delivers synchronously completing handlers without a state machine and hands over to an async
/// method at the first handler still running or throwing: whichever handler that is, every handler runs once, in order,
/// and every failure is reported.
/// </summary>
public sealed class RelayTests
{
    [Fact]
    public async Task Sync_async_and_failing_handlers_all_run_once_in_order_without_middleware()
    {
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new Relay("hi")).AsTask());

        Assert.Equal(new[] { "A hi", "B hi", "C fails", "D fails", "E hi" }, host.Recorder.Lines);
        Assert.Equal(new[] { typeof(RelayC), typeof(RelayD) }, error.Failures.Select(f => f.HandlerType));
        Assert.All(error.Failures, f => Assert.IsType<RelayFailure>(f.Exception));
    }

    [Fact]
    public async Task Sync_async_and_failing_handlers_all_run_once_in_order_through_handler_side_middleware()
    {
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new RelayAudited("hi")).AsTask());

        Assert.Equal(
            new[]
            {
                "publish before", // PublishTrace, once per Publish; the PublishException passes through it, so no "after"
                "global before", "A hi", "global after",
                "global before", "B hi", "global after",
                "global before", "C fails",
                "global before", "D fails",
                "global before", "E hi", "global after",
            },
            host.Recorder.Lines);
        Assert.Equal(new[] { typeof(RelayC), typeof(RelayD) }, error.Failures.Select(f => f.HandlerType));
    }

    [Fact]
    public async Task A_first_handler_that_throws_synchronously_does_not_stop_the_next()
    {
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new Tripwire()).AsTask());

        Assert.Equal(new[] { "first fails", "second" }, host.Recorder.Lines);
        Assert.Equal(typeof(TripwireFirst), Assert.Single(error.Failures).HandlerType);
    }
}
