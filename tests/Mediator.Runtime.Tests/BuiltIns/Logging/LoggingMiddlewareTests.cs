using Mediator;
using Mediator.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Logging;

/// <summary>Entries before and after dispatch, with outcome and duration from a fake clock; payloads only when opted in.</summary>
public sealed class LoggingMiddlewareTests
{
    private const string CardNumber = "4111-1111-1111-1111";

    public sealed record Pay(string Card, decimal Amount);

    private readonly FakeTimeProvider _clock = new();

    private ValueTask<int> Send(ListLoggerFactory factory, Func<Pay, MessageContext, ValueTask<int>> handler, LoggingOptions? options = null,
        CancellationToken cancellationToken = default, TimeProvider? clock = null)
        => new LoggingMiddleware<Pay, int>(factory, options ?? new LoggingOptions(), clock ?? _clock)
            .InvokeAsync(new Pay(CardNumber, 10m), new TestNext<Pay, int>(handler), new MessageContext(typeof(Pay), cancellationToken));

    [Fact]
    public async Task A_completed_dispatch_logs_its_type_before_and_its_duration_and_outcome_after()
    {
        var factory = new ListLoggerFactory();

        var result = await Send(factory, (_, _) => { _clock.Advance(TimeSpan.FromMilliseconds(42)); return new ValueTask<int>(1); });

        Assert.Equal(1, result);
        Assert.Collection(factory.Entries,
            start =>
            {
                Assert.Equal((LogLevel.Debug, 1, "Mediator"), (start.Level, start.EventId.Id, start.Category));
                Assert.Equal(typeof(Pay).FullName, start.State["MessageType"]);
            },
            end =>
            {
                Assert.Equal((LogLevel.Information, 3), (end.Level, end.EventId.Id));
                Assert.Equal(typeof(Pay).FullName, end.State["MessageType"]);
                Assert.Equal(42.0, end.State["ElapsedMilliseconds"]);
                Assert.Equal("completed", end.State["Outcome"]);
            });
    }

    [Fact]
    public async Task A_failure_is_logged_as_an_error_with_its_exception_and_rethrown()
    {
        var factory = new ListLoggerFactory();
        var failure = new InvalidOperationException("declined");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Send(factory, (_, _) => throw failure));

        Assert.Same(failure, thrown);
        var end = factory.Entries[^1];
        Assert.Equal((LogLevel.Error, 5, "failed"), (end.Level, end.EventId.Id, end.State["Outcome"]));
        Assert.Same(failure, end.Exception);
    }

    [Fact]
    public async Task A_cancellation_by_the_caller_is_logged_as_cancelled_not_as_an_error()
    {
        var factory = new ListLoggerFactory();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Send(factory,
            (_, context) => { cancel.Cancel(); context.CancellationToken.ThrowIfCancellationRequested(); return new ValueTask<int>(0); },
            cancellationToken: cancel.Token));

        var end = factory.Entries[^1];
        Assert.Equal((LogLevel.Information, 4, "cancelled"), (end.Level, end.EventId.Id, end.State["Outcome"]));
        Assert.DoesNotContain(factory.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task The_message_payload_is_not_logged_by_default()
    {
        var factory = new ListLoggerFactory();

        await Send(factory, (_, _) => new ValueTask<int>(1));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Send(factory, (_, _) => throw new InvalidOperationException("declined")));

        Assert.Equal(4, factory.Entries.Count);
        Assert.All(factory.Entries, entry =>
        {
            Assert.DoesNotContain(CardNumber, entry.Text);
            Assert.All(entry.State.Values, value => Assert.DoesNotContain(CardNumber, value?.ToString() ?? ""));
        });
    }

    [Fact]
    public async Task The_payload_is_logged_when_opted_in()
    {
        var factory = new ListLoggerFactory();

        await Send(factory, (_, _) => new ValueTask<int>(1), new LoggingOptions { LogMessagePayload = true, Category = "Payments" });

        var start = factory.Entries[0];
        Assert.Equal((2, "Payments"), (start.EventId.Id, start.Category));
        Assert.Equal(new Pay(CardNumber, 10m).ToString(), start.State["Payload"]);
    }

    [Fact]
    public async Task Nothing_is_logged_and_the_clock_is_not_read_when_errors_are_disabled()
    {
        var clock = new CountingTimeProvider();

        var result = await Send(new ListLoggerFactory { MinimumLevel = LogLevel.Critical }, (_, _) => new ValueTask<int>(9), clock: clock);
        var errorsOnly = new ListLoggerFactory { MinimumLevel = LogLevel.Error };
        await Send(errorsOnly, (_, _) => new ValueTask<int>(9), clock: clock);

        Assert.Equal(9, result);
        Assert.Equal(2, clock.Reads); // only the second dispatch, whose logger takes errors, timed itself
        Assert.Empty(errorsOnly.Entries); // it completed: nothing at Error to write
    }

    [Fact]
    public void AddMediatorLogging_configures_the_same_options_on_every_call()
    {
        var services = new ServiceCollection();
        services.AddMediatorLogging(o => o.LogMessagePayload = true);
        services.AddMediatorLogging(o => o.Category = "App.Mediator");
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<LoggingOptions>();
        Assert.True(options.LogMessagePayload);
        Assert.Equal("App.Mediator", options.Category);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
