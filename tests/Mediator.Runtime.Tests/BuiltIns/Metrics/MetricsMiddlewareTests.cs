using System.Diagnostics;
using System.Diagnostics.Metrics;
using Mediator;
using Mediator.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.Metrics;

/// <summary>
/// Measurements and spans read back through MeterListener and ActivityListener, filtered to this test's own
/// instrumentation instance so that parallel tests cannot mix in.
/// </summary>
public sealed class MetricsMiddlewareTests : IDisposable
{
    public sealed record GetPrice(string Sku); // not an IRequest: the generator would ask for a handler

    public sealed record PriceChanged(string Sku) : INotification;

    private sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);

    private readonly MediatorInstrumentation _instrumentation = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly List<Measurement> _measurements = [];
    private readonly List<Activity> _activities = [];
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
            ActivityStopped = activity => { lock (_activities) _activities.Add(activity); },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    private ValueTask<int> Send<T>(T message, Func<T, MessageContext, ValueTask<int>> handler, CancellationToken cancellationToken = default, TimeProvider? clock = null)
        => new MetricsMiddleware<T, int>(_instrumentation, clock ?? _clock).InvokeAsync(message, new TestNext<T, int>(handler), new MessageContext(typeof(T), cancellationToken));

    [Fact]
    public async Task A_success_is_counted_and_timed_with_the_message_type_and_outcome()
    {
        ListenToMeter();

        var result = await Send(new GetPrice("a"), (_, _) => { _clock.Advance(TimeSpan.FromMilliseconds(25)); return new ValueTask<int>(7); });

        Assert.Equal(7, result);
        var success = Assert.Single(_measurements, m => m.Instrument == "request_success_total");
        Assert.Equal(1, success.Value);
        Assert.Equal(typeof(GetPrice).FullName, success.Tags[MetricsTags.MessageType]);
        Assert.Equal(MetricsTags.Success, success.Tags[MetricsTags.Outcome]);
        var duration = Assert.Single(_measurements, m => m.Instrument == "request_duration_ms");
        Assert.Equal(25, duration.Value);
        Assert.Equal(MetricsTags.Success, duration.Tags[MetricsTags.Outcome]);
        Assert.DoesNotContain(_measurements, m => m.Instrument == "request_failure_total");
    }

    [Fact]
    public async Task A_failure_is_counted_with_its_error_type_and_rethrown()
    {
        ListenToMeter();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await Send(new GetPrice("a"), (_, _) => { _clock.Advance(TimeSpan.FromMilliseconds(3)); throw new InvalidOperationException("no price"); }));

        var failure = Assert.Single(_measurements, m => m.Instrument == "request_failure_total");
        Assert.Equal(1, failure.Value);
        Assert.Equal(MetricsTags.Failure, failure.Tags[MetricsTags.Outcome]);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.Tags[MetricsTags.ErrorType]);
        Assert.Equal(3, Assert.Single(_measurements, m => m.Instrument == "request_duration_ms").Value);
        Assert.DoesNotContain(_measurements, m => m.Instrument == "request_success_total");
    }

    [Fact]
    public async Task A_cancellation_by_the_caller_is_counted_as_cancelled_not_as_an_error()
    {
        ListenToMeter();
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await Send(new GetPrice("a"), (_, context) => { cancel.Cancel(); context.CancellationToken.ThrowIfCancellationRequested(); return new ValueTask<int>(0); }, cancel.Token));

        var failure = Assert.Single(_measurements, m => m.Instrument == "request_failure_total");
        Assert.Equal(MetricsTags.Cancelled, failure.Tags[MetricsTags.Outcome]);
    }

    [Fact]
    public async Task Each_dispatch_gets_a_span_named_and_tagged_after_the_messaging_conventions()
    {
        ListenToActivities();

        await Send(new GetPrice("a"), (_, _) => new ValueTask<int>(1));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Send(new PriceChanged("a"), (_, _) => throw new InvalidOperationException("boom")));

        Assert.Equal(2, _activities.Count);
        var send = _activities[0];
        Assert.Equal("send GetPrice", send.DisplayName);
        Assert.Equal(ActivityKind.Internal, send.Kind);
        Assert.Equal("mediator", send.GetTagItem("messaging.system"));
        Assert.Equal("send", send.GetTagItem("messaging.operation.name"));
        Assert.Equal(typeof(GetPrice).FullName, send.GetTagItem("messaging.destination.name"));
        Assert.Equal(ActivityStatusCode.Unset, send.Status);

        var publish = _activities[1];
        Assert.Equal("publish PriceChanged", publish.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, publish.Status);
        Assert.Equal(typeof(InvalidOperationException).FullName, publish.GetTagItem(MetricsTags.ErrorType));
    }

    [Fact]
    public async Task Nothing_is_measured_and_the_clock_is_not_read_when_nothing_listens()
    {
        var clock = new CountingTimeProvider();

        var result = await Send(new GetPrice("a"), (_, _) => new ValueTask<int>(5), clock: clock);

        Assert.Equal(5, result);
        Assert.False(_instrumentation.IsObserved);
        Assert.Equal(0, clock.Reads);

        ListenToMeter();
        await Send(new GetPrice("a"), (_, _) => new ValueTask<int>(5), clock: clock);
        Assert.True(clock.Reads > 0);
    }
}
