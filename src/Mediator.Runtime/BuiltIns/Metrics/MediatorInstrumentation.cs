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

    /// <summary>Creates the meter, its three instruments and the activity source.</summary>
    public MediatorInstrumentation()
    {
        var version = typeof(MediatorInstrumentation).Assembly.GetName().Version?.ToString();
        Meter = new Meter(Name, version);
        ActivitySource = new ActivitySource(Name, version);
        Success = Meter.CreateCounter<long>("request_success_total", unit: "{dispatch}", description: "Dispatches that completed.");
        Failure = Meter.CreateCounter<long>("request_failure_total", unit: "{dispatch}", description: "Dispatches that threw or were cancelled.");
        Duration = Meter.CreateHistogram<double>("request_duration_ms", unit: "ms", description: "Time from dispatch to result or exception.");
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

    /// <summary>Whether anything listens to an instrument or to the activity source: when not, the middleware does nothing.</summary>
    public bool IsObserved => Success.Enabled || Failure.Enabled || Duration.Enabled || ActivitySource.HasListeners();

    /// <summary>Disposes the meter and the activity source.</summary>
    public void Dispose()
    {
        Meter.Dispose();
        ActivitySource.Dispose();
    }
}
