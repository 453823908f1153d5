using Mediator;
using Mediator.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>Drop and Retry, counted exactly; back-off timed by a fake clock, never by sleeping.</summary>
public sealed class OutcomeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1); // hang guard for awaits, not a timing claim

    private static (TestHost Host, RecordingTimeProvider Clock, ListDeadLetters DeadLetters, OutcomeProbe Probe) Create(int maxAttempts = 3)
    {
        var clock = new RecordingTimeProvider();
        var deadLetters = new ListDeadLetters();
        var host = TestHost.Create(configure: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IDeadLetterSink>(deadLetters);
            services.AddSingleton(new PublishOptions
            {
                MaxAttempts = maxAttempts,
                FirstRetryDelay = TimeSpan.FromMilliseconds(100),
                MaxRetryDelay = TimeSpan.FromMilliseconds(150),
            });
        });
        return (host, clock, deadLetters, host.Provider.GetRequiredService<OutcomeProbe>());
    }

    [Fact]
    public async Task Drop_is_not_an_error_and_is_not_retried()
    {
        var (host, _, deadLetters, probe) = Create();
        using var _ = host;

        await host.Mediator.Publish(new Shipment("s1", Drop: true));

        Assert.Equal(1, probe.Calls(nameof(DroppingHandler)));
        Assert.Equal(1, probe.Calls(nameof(FailingHandler)));
        Assert.Equal(1, probe.Calls(nameof(RetryingHandler)));
        Assert.Empty(deadLetters.Letters);
    }

    [Fact]
    public async Task Retry_waits_the_back_off_then_redelivers_to_that_handler_only()
    {
        var (host, clock, deadLetters, probe) = Create();
        using var _ = host;

        var publish = host.Mediator.Publish(new Shipment("s2", RetriesBeforeSuccess: 2)).AsTask();
        await probe.RetryingCalled.WaitAsync(Guard);
        Assert.Equal(1, probe.Calls(nameof(RetryingHandler)));

        Assert.Equal(TimeSpan.FromMilliseconds(100), await clock.NextTimerAsync());
        clock.Fake.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(1, probe.Calls(nameof(RetryingHandler)));
        clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
        await probe.RetryingCalled.WaitAsync(Guard);
        Assert.Equal(2, probe.Calls(nameof(RetryingHandler)));

        // The second wait doubles (200 ms) but is capped at 150 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(150), await clock.NextTimerAsync());
        clock.Fake.Advance(TimeSpan.FromMilliseconds(149));
        Assert.Equal(2, probe.Calls(nameof(RetryingHandler)));
        clock.Fake.Advance(TimeSpan.FromMilliseconds(1));
        await probe.RetryingCalled.WaitAsync(Guard);

        await publish.WaitAsync(Guard);
        Assert.Equal(3, probe.Calls(nameof(RetryingHandler)));
        Assert.Equal(1, probe.Calls(nameof(DroppingHandler)));
        Assert.Equal(1, probe.Calls(nameof(FailingHandler)));
        Assert.Empty(deadLetters.Letters);
    }

    [Fact]
    public async Task When_the_bound_is_reached_the_delivery_fails_and_goes_to_the_dead_letter_sink()
    {
        var (host, clock, deadLetters, probe) = Create(maxAttempts: 3);
        using var _ = host;

        var publish = host.Mediator.Publish(new Shipment("s3", RetriesBeforeSuccess: 10)).AsTask();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await probe.RetryingCalled.WaitAsync(Guard);
            if (attempt < 3)
            {
                await clock.NextTimerAsync();
                clock.Fake.Advance(TimeSpan.FromMilliseconds(150));
            }
        }

        var error = await Assert.ThrowsAsync<PublishException>(() => publish.WaitAsync(Guard));
        Assert.Equal(3, probe.Calls(nameof(RetryingHandler)));
        var failure = Assert.Single(error.Failures);
        Assert.Equal(typeof(RetryingHandler), failure.HandlerType);
        Assert.Equal(3, failure.Attempts);
        Assert.True(failure.RetriesExhausted);
        var letter = Assert.Single(deadLetters.Letters);
        Assert.Equal(typeof(RetryingHandler), letter.HandlerType);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal("s3", ((Shipment)letter.Notification).Id);
    }

    [Fact]
    public async Task Any_other_exception_is_a_failure_without_retry_and_goes_to_the_dead_letter_sink()
    {
        var (host, _, deadLetters, probe) = Create();
        using var _ = host;

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new Shipment("s4", Fail: true)).AsTask());

        var failure = Assert.Single(error.Failures);
        Assert.Equal(typeof(FailingHandler), failure.HandlerType);
        Assert.IsType<InvalidOperationException>(failure.Exception);
        Assert.Equal(1, failure.Attempts);
        Assert.Equal(1, probe.Calls(nameof(FailingHandler)));
        Assert.Equal(1, probe.Calls(nameof(RetryingHandler)));
        Assert.Single(deadLetters.Letters);
    }

    [Fact]
    public async Task Cancellation_during_back_off_is_never_retried_and_is_not_a_handler_failure()
    {
        var (host, clock, deadLetters, probe) = Create();
        using var _ = host;
        using var cancellation = new CancellationTokenSource();

        var publish = host.Mediator.Publish(new Shipment("s5", RetriesBeforeSuccess: 5), cancellation.Token).AsTask();
        await probe.RetryingCalled.WaitAsync(Guard);
        await clock.NextTimerAsync(); // the back-off has started
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish.WaitAsync(Guard));
        Assert.Equal(1, probe.Calls(nameof(RetryingHandler)));
        Assert.Empty(deadLetters.Letters);
    }

    [Fact]
    public void Back_off_doubles_from_the_first_delay_up_to_the_cap()
    {
        var options = new PublishOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) };

        Assert.Equal(
            new[] { 100d, 200d, 400d, 800d, 1000d, 1000d },
            Enumerable.Range(2, 6).Select(attempt => options.RetryDelay(attempt).TotalMilliseconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxAttempts = 0);
    }
}
