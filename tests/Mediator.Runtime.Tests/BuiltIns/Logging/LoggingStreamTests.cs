using Mediator;
using Mediator.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Logging;

/// <summary>
/// The stream side of logging: opened (Debug), each item (Trace), and one end entry with the item count and the time
/// since opening: completed, stopped by the caller, cancelled by the caller, or failed after some items.
/// </summary>
public sealed class LoggingStreamTests
{
    private const string CardNumber = "4111-1111-1111-1111";

    public sealed record Statement(string Card);

    private readonly FakeTimeProvider _clock = new();
    private readonly StreamHandlerStub _handler = new();

    private IAsyncEnumerator<int> Open(ListLoggerFactory factory, int count, int? failAfter = null, LoggingOptions? options = null,
        CancellationToken cancellationToken = default, TimeProvider? clock = null)
        => ((IStreamMiddleware<Statement, int>)new LoggingMiddleware<Statement, int>(factory, options ?? new LoggingOptions(), clock ?? _clock))
            .InvokeAsync(new Statement(CardNumber), _handler.Next<Statement>(count, failAfter), new MessageContext(typeof(Statement), cancellationToken));

    [Fact]
    public async Task A_completed_stream_logs_its_opening_each_item_at_trace_and_its_item_count_and_duration()
    {
        var factory = new ListLoggerFactory();
        var items = Open(factory, 3);

        await using (items)
        {
            while (await items.MoveNextAsync()) _clock.Advance(TimeSpan.FromMilliseconds(10)); // the caller's time counts
        }

        Assert.Equal([6, 8, 8, 8, 9], factory.Entries.Select(e => e.EventId.Id));
        Assert.Equal((LogLevel.Debug, typeof(Statement).FullName), (factory.Entries[0].Level, factory.Entries[0].State["MessageType"]));
        Assert.Equal([1L, 2L, 3L], factory.Entries.Where(e => e.EventId.Id == 8).Select(e => e.State["ItemNumber"]));
        Assert.All(factory.Entries.Where(e => e.EventId.Id == 8), e => Assert.Equal(LogLevel.Trace, e.Level));
        var end = factory.Entries[^1];
        Assert.Equal((LogLevel.Information, 3L, 30.0, "completed"), (end.Level, end.State["ItemCount"], end.State["ElapsedMilliseconds"], end.State["Outcome"]));
    }

    [Fact]
    public async Task A_failure_after_some_items_is_an_error_with_the_items_received_and_the_exception()
    {
        var factory = new ListLoggerFactory();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StreamHandlerStub.ReadAll(Open(factory, 5, failAfter: 2)));

        var end = factory.Entries[^1];
        Assert.Equal((LogLevel.Error, 11, 2L, "failed"), (end.Level, end.EventId.Id, end.State["ItemCount"], end.State["Outcome"]));
        Assert.Same(failure, end.Exception);
        Assert.Equal(1, _handler.Finished);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_between_items_is_logged_as_cancelled_not_as_an_error()
    {
        var factory = new ListLoggerFactory();
        using var caller = new CancellationTokenSource();
        await using var items = Open(factory, 5, cancellationToken: caller.Token);
        Assert.True(await items.MoveNextAsync());

        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await items.MoveNextAsync());

        var end = factory.Entries[^1];
        Assert.Equal((LogLevel.Information, 10, 1L, "cancelled"), (end.Level, end.EventId.Id, end.State["ItemCount"], end.State["Outcome"]));
        Assert.DoesNotContain(factory.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_caller_that_stops_reading_and_disposes_is_logged_as_stopped_and_the_handlers_stream_is_disposed()
    {
        var factory = new ListLoggerFactory();
        var items = Open(factory, 5);
        Assert.True(await items.MoveNextAsync());

        await items.DisposeAsync();

        var end = factory.Entries[^1];
        Assert.Equal((LogLevel.Information, 9, 1L, "stopped"), (end.Level, end.EventId.Id, end.State["ItemCount"], end.State["Outcome"]));
        Assert.Equal(1, _handler.Finished);
    }

    [Fact]
    public async Task The_request_is_not_logged_by_default_and_is_logged_when_opted_in()
    {
        var hidden = new ListLoggerFactory();
        await StreamHandlerStub.ReadAll(Open(hidden, 2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => StreamHandlerStub.ReadAll(Open(hidden, 2, failAfter: 1)));
        Assert.All(hidden.Entries, entry =>
        {
            Assert.DoesNotContain(CardNumber, entry.Text);
            Assert.All(entry.State.Values, value => Assert.DoesNotContain(CardNumber, value?.ToString() ?? ""));
        });

        var shown = new ListLoggerFactory();
        await StreamHandlerStub.ReadAll(Open(shown, 1, options: new LoggingOptions { LogMessagePayload = true, Category = "Statements" }));
        Assert.Equal((7, "Statements"), (shown.Entries[0].EventId.Id, shown.Entries[0].Category));
        Assert.Equal(new Statement(CardNumber).ToString(), shown.Entries[0].State["Payload"]);
    }

    [Fact]
    public async Task Items_are_not_logged_below_trace_and_nothing_is_logged_nor_the_clock_read_when_errors_are_disabled()
    {
        var debug = new ListLoggerFactory { MinimumLevel = LogLevel.Debug };
        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open(debug, 3)));
        Assert.Equal([6, 9], debug.Entries.Select(e => e.EventId.Id));

        var clock = new CountingTimeProvider();
        var silent = new ListLoggerFactory { MinimumLevel = LogLevel.Critical };
        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open(silent, 3, clock: clock)));
        Assert.Empty(silent.Entries);
        Assert.Equal(0, clock.Reads);
    }
}
