using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Mediator.Metrics;

/// <summary>
/// The meter and activity source of the metrics middleware, both named <see cref="Name"/> ("Mediator"): subscribe to
/// them with OpenTelemetry (<c>AddMeter("Mediator")</c>, <c>AddSource("Mediator")</c>) or a
/// <see cref="MeterListener"/>/<see cref="ActivityListener"/>. A singleton; disposing it disposes both.
/// </summary>
public sealed class MediatorInstrumentation : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Mediator";

    /// <summary>Creates the meter, its instruments (three for requests and notifications, five for streams) and the activity source.</summary>
    public MediatorInstrumentation()
    {
        var version = typeof(MediatorInstrumentation).Assembly.GetName().Version?.ToString();
        Meter = new Meter(Name, version);
        ActivitySource = new ActivitySource(Name, version);
        Success = Meter.CreateCounter<long>("request_success_total", unit: "{dispatch}", description: "Dispatches that completed.");
        Failure = Meter.CreateCounter<long>("request_failure_total", unit: "{dispatch}", description: "Dispatches that threw or were cancelled.");
        Duration = Meter.CreateHistogram<double>("request_duration_ms", unit: "ms", description: "Time from dispatch to result or exception.");
        StreamSuccess = Meter.CreateCounter<long>("stream_success_total", unit: "{stream}", description: "Streams read to their end, or stopped early by their caller.");
        StreamFailure = Meter.CreateCounter<long>("stream_failure_total", unit: "{stream}", description: "Streams that threw or were cancelled while being read.");
        StreamDuration = Meter.CreateHistogram<double>("stream_duration_ms", unit: "ms", description: "Time from the first read of a stream to its end.");
        StreamFirstItem = Meter.CreateHistogram<double>("stream_first_item_ms", unit: "ms", description: "Time from the first read of a stream to its first item.");
        StreamItems = Meter.CreateCounter<long>("stream_items_total", unit: "{item}", description: "Items the callers of streams received.");
    }

    /// <summary>The meter "Mediator".</summary>
    public Meter Meter { get; }

    /// <summary>The activity source "Mediator": one span per dispatch.</summary>
    public ActivitySource ActivitySource { get; }

    /// <summary><c>request_success_total</c>, tagged <c>message.type</c> and <c>outcome</c>.</summary>
    public Counter<long> Success { get; }

    /// <summary><c>request_failure_total</c>, tagged <c>message.type</c>, <c>outcome</c> and <c>error.type</c>.</summary>
    public Counter<long> Failure { get; }

    /// <summary><c>request_duration_ms</c>, tagged <c>message.type</c> and <c>outcome</c>.</summary>
    public Histogram<double> Duration { get; }

    /// <summary><c>stream_success_total</c>, tagged <c>message.type</c> and <c>outcome</c> (<c>success</c> or <c>stopped</c>).</summary>
    public Counter<long> StreamSuccess { get; }

    /// <summary><c>stream_failure_total</c>, tagged <c>message.type</c>, <c>outcome</c> (<c>failure</c> or <c>cancelled</c>) and <c>error.type</c>.</summary>
    public Counter<long> StreamFailure { get; }

    /// <summary><c>stream_duration_ms</c>, tagged <c>message.type</c> and <c>outcome</c>: from the caller's first read to the stream's end.</summary>
    public Histogram<double> StreamDuration { get; }

    /// <summary><c>stream_first_item_ms</c>, tagged <c>message.type</c>: from the caller's first read to the first item.</summary>
    public Histogram<double> StreamFirstItem { get; }

    /// <summary><c>stream_items_total</c>, tagged <c>message.type</c> and <c>outcome</c>: the items of each stream, added when it ends.</summary>
    public Counter<long> StreamItems { get; }

    /// <summary>Whether anything listens to an instrument or to the activity source: when not, the middleware does nothing.</summary>
    public bool IsObserved => Success.Enabled || Failure.Enabled || Duration.Enabled || ActivitySource.HasListeners();

    /// <summary>Whether anything listens to a stream instrument or to the activity source: when not, a stream passes through untouched.</summary>
    public bool IsStreamObserved
        => StreamSuccess.Enabled || StreamFailure.Enabled || StreamDuration.Enabled || StreamFirstItem.Enabled || StreamItems.Enabled || ActivitySource.HasListeners();

    /// <summary>Disposes the meter and the activity source.</summary>
    public void Dispose()
    {
        Meter.Dispose();
        ActivitySource.Dispose();
    }
}
