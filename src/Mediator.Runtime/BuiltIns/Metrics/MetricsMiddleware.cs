using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Mediator.BuiltIns;

namespace Mediator.Metrics;

/// <summary>
/// Measures every dispatch on <see cref="MediatorInstrumentation"/>: <c>request_success_total</c>,
/// <c>request_failure_total</c> and <c>request_duration_ms</c> tagged by message type and outcome (<see cref="MetricsTags"/>),
/// and one span per dispatch following the OpenTelemetry messaging conventions (<c>send Ping</c> or
/// <c>publish OrderPlaced</c>, <c>messaging.system = mediator</c>, <c>messaging.destination.name</c>, <c>error.type</c>).
/// Zero cost when nothing listens: it checks the instruments and the source first and then only calls <c>next</c>.
/// Streams (<c>CreateStream</c>) are measured on their own instruments (<c>stream_*</c>) with a span covering the
/// whole enumeration; see the stream side in MetricsMiddleware.Streams.cs.
/// </summary>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Metrics, Concern = Concerns.Metrics)]
public sealed partial class MetricsMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>
{
    private static readonly string MessageTypeName = typeof(TMessage).FullName ?? typeof(TMessage).Name;
    private static readonly string Operation = typeof(INotification).IsAssignableFrom(typeof(TMessage)) ? "publish" : "send";
    private static readonly string SpanName = Operation + " " + typeof(TMessage).Name;

    private readonly MediatorInstrumentation _instrumentation;
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="instrumentation">The shared meter and activity source.</param>
    /// <param name="timeProvider">The clock durations are measured on.</param>
    public MetricsMiddleware(MediatorInstrumentation instrumentation, TimeProvider timeProvider)
    {
        _instrumentation = instrumentation ?? throw new ArgumentNullException(nameof(instrumentation));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
        => _instrumentation.IsObserved ? ObserveAsync(message, next, context) : next.InvokeAsync(message, context);

    private async ValueTask<TResult> ObserveAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        using var activity = _instrumentation.ActivitySource.HasListeners() ? StartActivity() : null;
        var started = _time.GetTimestamp();
        try
        {
            var result = await next.InvokeAsync(message, context).ConfigureAwait(false);
            Record(MetricsTags.Success, null, started);
            return result;
        }
        catch (OperationCanceledException exception) when (context.CancellationToken.IsCancellationRequested)
        {
            Record(MetricsTags.Cancelled, exception, started);
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            activity?.SetTag(MetricsTags.ErrorType, exception.GetType().FullName);
            throw;
        }
        catch (Exception exception)
        {
            Record(MetricsTags.Failure, exception, started);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            activity?.SetTag(MetricsTags.ErrorType, exception.GetType().FullName);
            throw;
        }
    }

    private Activity? StartActivity()
    {
        var activity = _instrumentation.ActivitySource.StartActivity(SpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "mediator");
            activity.SetTag("messaging.operation.name", Operation);
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", MessageTypeName);
        }

        return activity;
    }

    private void Record(string outcome, Exception? exception, long started)
    {
        var tags = new System.Diagnostics.TagList
        {
            { MetricsTags.MessageType, MessageTypeName },
            { MetricsTags.Outcome, outcome },
        };

        if (_instrumentation.Duration.Enabled) _instrumentation.Duration.Record(_time.GetElapsedTime(started).TotalMilliseconds, tags);
        if (exception is null)
        {
            _instrumentation.Success.Add(1, tags);
            return;
        }

        tags.Add(MetricsTags.ErrorType, exception.GetType().FullName);
        _instrumentation.Failure.Add(1, tags);
    }
}
