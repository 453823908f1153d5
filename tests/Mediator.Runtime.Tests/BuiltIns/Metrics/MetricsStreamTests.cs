using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Mediator;
using Mediator.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Metrics;

/// <summary>
/// The stream side of metrics: time to the first item, items, duration and outcome on the stream_* instruments, and
/// one span over the whole enumeration, ended on completion, failure, cancellation and disposal. Read back through
/// listeners filtered to this test's own instrumentation instance.
/// </summary>
public sealed class MetricsStreamTests : IDisposable
{
    public sealed record Quotes(string Sku);

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    private readonly MediatorInstrumentation _instrumentation = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly List<Measurement> _measurements = [];
    private readonly List<Activity> _stopped = [];
    private readonly List<Activity?> _currentPerItem = [];
    private MeterListener? _meterListener;
    private ActivityListener? _activityListener;

    public void Dispose()
    {
        _meterListener?.Dispose();
        _activityListener?.Dispose();
        _instrumentation.Dispose();
    }

    private void ListenToMeter()
    {
        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, _instrumentation.Meter)) listener.EnableMeasurementEvents(instrument);
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meterListener.Start();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags) copy[tag.Key] = tag.Value;
        lock (_measurements) _measurements.Add(new Measurement(instrument.Name, value, copy));
    }

    private void ListenToActivities()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _instrumentation.ActivitySource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_stopped) _stopped.Add(activity); },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    /// <summary>The handler: <paramref name="firstAfter"/> ms on the fake clock before the first item, then one item per read; fails at item <paramref name="failAt"/>.</summary>
    private async IAsyncEnumerable<int> Items(int count, int firstAfter, int? failAt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _clock.Advance(TimeSpan.FromMilliseconds(firstAfter));
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (i == failAt) throw new InvalidOperationException("quote feed broke");
            _currentPerItem.Add(Activity.Current);
            yield return i;
        }
    }

    private IAsyncEnumerator<int> Open(int count, int firstAfter = 0, int? failAt = null, CancellationToken cancellationToken = default, TimeProvider? clock = null)
        => ((IStreamMiddleware<Quotes, int>)new MetricsMiddleware<Quotes, int>(_instrumentation, clock ?? _clock))
            .InvokeAsync(new Quotes("a"), new TestStreamNext<Quotes, int>((_, context) => Items(count, firstAfter, failAt, context.CancellationToken)),
                new MessageContext(typeof(Quotes), cancellationToken));

    private Measurement Single(string instrument) => Assert.Single(_measurements, m => m.Instrument == instrument);

    [Fact]
    public async Task A_completed_stream_records_time_to_first_item_items_duration_and_success()
    {
        ListenToMeter();
        var items = Open(3, firstAfter: 5);

        await using (items)
        {
            while (await items.MoveNextAsync()) _clock.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(5.0, Single("stream_first_item_ms").Value);
        Assert.Equal(typeof(Quotes).FullName, Single("stream_first_item_ms").Tags[MetricsTags.MessageType]);
        Assert.Equal((3.0, MetricsTags.Success), (Single("stream_items_total").Value, Single("stream_items_total").Tags[MetricsTags.Outcome]));
        Assert.Equal((35.0, MetricsTags.Success), (Single("stream_duration_ms").Value, Single("stream_duration_ms").Tags[MetricsTags.Outcome]));
        Assert.Equal(1.0, Single("stream_success_total").Value);
        Assert.DoesNotContain(_measurements, m => m.Instrument.StartsWith("request_", StringComparison.Ordinal) || m.Instrument == "stream_failure_total");
    }

    [Fact]
    public async Task A_failure_after_some_items_is_counted_with_its_error_type_and_the_items_received()
    {
        ListenToMeter();
        ListenToActivities();

        await Assert.ThrowsAsync<InvalidOperationException>(() => StreamHandlerStub.ReadAll(Open(5, failAt: 2)));

        var failure = Single("stream_failure_total");
        Assert.Equal((MetricsTags.Failure, typeof(InvalidOperationException).FullName), (failure.Tags[MetricsTags.Outcome], failure.Tags[MetricsTags.ErrorType]));
        Assert.Equal(2.0, Single("stream_items_total").Value);
        var span = Assert.Single(_stopped);
        Assert.Equal((ActivityStatusCode.Error, "quote feed broke"), (span.Status, span.StatusDescription));
        Assert.Equal(2L, span.GetTagItem("mediator.stream.items"));
    }

    [Fact]
    public async Task Cancellation_by_the_caller_between_items_is_counted_as_cancelled_and_ends_the_span()
    {
        ListenToMeter();
        ListenToActivities();
        using var caller = new CancellationTokenSource();
        await using var items = Open(5, cancellationToken: caller.Token);
        Assert.True(await items.MoveNextAsync());

        caller.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await items.MoveNextAsync());

        Assert.Equal(MetricsTags.Cancelled, Single("stream_failure_total").Tags[MetricsTags.Outcome]);
        Assert.Equal(1.0, Single("stream_items_total").Value);
        Assert.Equal((ActivityStatusCode.Error, "cancelled"), (Assert.Single(_stopped).Status, Assert.Single(_stopped).StatusDescription));
    }

    [Fact]
    public async Task A_stream_the_caller_disposes_early_is_counted_as_stopped_and_its_span_ends_at_the_dispose()
    {
        ListenToMeter();
        ListenToActivities();
        var items = Open(5);
        Assert.True(await items.MoveNextAsync());
        Assert.Empty(_stopped);

        await items.DisposeAsync();

        Assert.Equal(MetricsTags.Stopped, Single("stream_success_total").Tags[MetricsTags.Outcome]);
        var span = Assert.Single(_stopped);
        Assert.Equal((ActivityStatusCode.Unset, MetricsTags.Stopped), (span.Status, span.GetTagItem(MetricsTags.Outcome)));
    }

    [Fact]
    public async Task One_span_covers_the_whole_enumeration_and_is_current_in_the_handler_for_every_item_but_never_for_the_caller()
    {
        ListenToActivities();
        using var outer = new Activity("caller").Start();
        var items = Open(3);

        await using (items)
        {
            while (await items.MoveNextAsync())
            {
                Assert.Same(outer, Activity.Current);
                Assert.Empty(_stopped);
            }
        }

        var span = Assert.Single(_stopped);
        Assert.Equal(("stream Quotes", ActivityKind.Internal, outer.SpanId), (span.DisplayName, span.Kind, span.ParentSpanId));
        Assert.Equal(("mediator", "stream", typeof(Quotes).FullName), (span.GetTagItem("messaging.system"), span.GetTagItem("messaging.operation.name"), span.GetTagItem("messaging.destination.name")));
        Assert.Equal([span, span, span], _currentPerItem);
        Assert.Same(outer, Activity.Current);
    }

    [Fact]
    public async Task Nothing_is_measured_and_the_clock_is_not_read_when_nothing_listens()
    {
        var clock = new CountingTimeProvider();

        Assert.Equal([0, 1, 2], await StreamHandlerStub.ReadAll(Open(3, clock: clock)));

        Assert.Equal(0, clock.Reads);
        Assert.Equal([null, null, null], _currentPerItem);
    }
}
