using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace Mediator.Metrics;

/// <summary>The stream side of the metrics middleware: one span and one set of measurements per enumeration.</summary>
public sealed partial class MetricsMiddleware<TMessage, TResult> : IStreamMiddleware<TMessage, TResult>
{
    private static readonly string StreamSpanName = "stream " + typeof(TMessage).Name;

    /// <summary>
    /// Wraps a stream: when nothing listens the inner stream is returned untouched; otherwise the enumeration is timed
    /// from the caller's first read (time to the first item, duration, items, outcome) and covered by one span, ended
    /// when the stream completes, fails, is cancelled or is disposed by its caller.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => _instrumentation.IsStreamObserved ? ObservedItemsAsync(request, next, context) : next.InvokeAsync(request, context).GetAsyncEnumerator();

    private async IAsyncEnumerator<TResult> ObservedItemsAsync<TNext>(TMessage request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TMessage, TResult>
    {
        var activity = _instrumentation.ActivitySource.HasListeners() ? StartStreamActivity() : null;
        var started = _time.GetTimestamp();
        long count = 0;
        string? outcome = null;
        Exception? failure = null;
        IAsyncEnumerator<TResult>? items = null;
        try
        {
            try
            {
                items = next.InvokeAsync(request, context).GetAsyncEnumerator();
            }
            catch (Exception exception)
            {
                (outcome, failure) = (OutcomeOf(exception, context), exception);
                throw;
            }

            while (true)
            {
                bool more;
                try
                {
                    // The iterator resumes on the caller's execution context after each item; making the span current
                    // again here parents the handler's work for every item to it, not only for the first one. The
                    // change does not leak: an async iterator's step restores the caller's context when it returns.
                    if (activity is not null) Activity.Current = activity;
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    (outcome, failure) = (OutcomeOf(exception, context), exception);
                    throw;
                }

                if (!more)
                {
                    outcome = MetricsTags.Success;
                    yield break;
                }

                if (++count == 1 && _instrumentation.StreamFirstItem.Enabled)
                {
                    _instrumentation.StreamFirstItem.Record(_time.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>(MetricsTags.MessageType, MessageTypeName));
                }

                yield return items.Current;
            }
        }
        finally
        {
            // No outcome yet: the caller disposed the stream before its end.
            RecordStream(outcome ?? MetricsTags.Stopped, failure, count, started, activity);
            if (items is not null) await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string OutcomeOf(Exception exception, MessageContext context)
        => exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested ? MetricsTags.Cancelled : MetricsTags.Failure;

    private Activity? StartStreamActivity()
    {
        var activity = _instrumentation.ActivitySource.StartActivity(StreamSpanName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "mediator");
            activity.SetTag("messaging.operation.name", "stream");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", MessageTypeName);
        }

        return activity;
    }

    private void RecordStream(string outcome, Exception? failure, long count, long started, Activity? activity)
    {
        var tags = new TagList
        {
            { MetricsTags.MessageType, MessageTypeName },
            { MetricsTags.Outcome, outcome },
        };

        if (_instrumentation.StreamDuration.Enabled) _instrumentation.StreamDuration.Record(_time.GetElapsedTime(started).TotalMilliseconds, tags);
        if (_instrumentation.StreamItems.Enabled && count > 0) _instrumentation.StreamItems.Add(count, tags);
        if (failure is null)
        {
            _instrumentation.StreamSuccess.Add(1, tags);
        }
        else
        {
            tags.Add(MetricsTags.ErrorType, failure.GetType().FullName);
            _instrumentation.StreamFailure.Add(1, tags);
        }

        if (activity is null) return;
        activity.SetTag("mediator.stream.items", count);
        activity.SetTag(MetricsTags.Outcome, outcome);
        if (failure is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, outcome == MetricsTags.Cancelled ? "cancelled" : failure.Message);
            activity.SetTag(MetricsTags.ErrorType, failure.GetType().FullName);
        }

        activity.Dispose();
    }
}
