using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Mediator.BuiltIns;
using Microsoft.Extensions.Logging;

namespace Mediator.Logging;

/// <summary>
/// Writes a structured entry before and after every dispatch: <c>MessageType</c>, <c>ElapsedMilliseconds</c> (on the
/// injected <see cref="TimeProvider"/>), <c>Outcome</c> (<c>completed</c>, <c>cancelled</c> or <c>failed</c>, with the
/// exception at <see cref="LogLevel.Error"/>). The message itself is never logged unless
/// <see cref="LoggingOptions.LogMessagePayload"/> says so. Outermost of the built-ins, so it sees every outcome.
/// </summary>
/// <remarks>
/// Event IDs: 1 Dispatching and 2 DispatchingWithPayload (Debug), 3 Dispatched and 4 DispatchCancelled (Information),
/// 5 DispatchFailed (Error). When the logger has Error disabled the middleware only calls <c>next</c>.
/// A stream (<c>CreateStream</c>) gets 6 StreamOpening and 7 StreamOpeningWithPayload (Debug) when the caller starts
/// reading, 8 StreamItem (Trace) per item, and one end entry with the item count and the time since opening:
/// 9 Streamed (Information; <c>completed</c>, or <c>stopped</c> when the caller disposed it before the end),
/// 10 StreamCancelled (Information) and 11 StreamFailed (Error, with the exception).
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Logging, Concern = Concerns.Logging)]
public sealed class LoggingMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
{
    private static readonly string MessageTypeName = typeof(TMessage).FullName ?? typeof(TMessage).Name;

    private readonly ILogger _logger;
    private readonly bool _logPayload;
    private readonly TimeProvider _time;

    /// <summary>Creates the middleware.</summary>
    /// <param name="loggerFactory">Makes the logger of <see cref="LoggingOptions.Category"/>.</param>
    /// <param name="options">Category and payload opt-in.</param>
    /// <param name="timeProvider">The clock durations are measured on.</param>
    public LoggingMiddleware(ILoggerFactory loggerFactory, LoggingOptions options, TimeProvider timeProvider)
    {
        if (loggerFactory is null) throw new ArgumentNullException(nameof(loggerFactory));
        if (options is null) throw new ArgumentNullException(nameof(options));
        _logger = loggerFactory.CreateLogger(options.Category);
        _logPayload = options.LogMessagePayload;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
        => _logger.IsEnabled(LogLevel.Error) ? LogAroundAsync(message, next, context) : next.InvokeAsync(message, context);

    private async ValueTask<TResult> LogAroundAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            if (_logPayload) LoggingMiddlewareLog.DispatchingWithPayload(_logger, MessageTypeName, message?.ToString());
            else LoggingMiddlewareLog.Dispatching(_logger, MessageTypeName);
        }

        var started = _time.GetTimestamp();
        try
        {
            var result = await next.InvokeAsync(message, context).ConfigureAwait(false);
            LoggingMiddlewareLog.Dispatched(_logger, MessageTypeName, Elapsed(started), "completed");
            return result;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            LoggingMiddlewareLog.Cancelled(_logger, MessageTypeName, Elapsed(started), "cancelled");
            throw;
        }
        catch (Exception exception)
        {
            LoggingMiddlewareLog.Failed(_logger, MessageTypeName, Elapsed(started), "failed", exception);
            throw;
        }
    }

    private double Elapsed(long started) => _time.GetElapsedTime(started).TotalMilliseconds;

    /// <summary>
    /// Wraps a stream: with Error disabled the inner stream is returned untouched; otherwise the opening, every item
    /// (at Trace) and how the enumeration ended are logged, with the number of items the caller received.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => _logger.IsEnabled(LogLevel.Error) ? LoggedItemsAsync(request, next, context) : next.InvokeAsync(request, context).GetAsyncEnumerator();

    private async IAsyncEnumerator<TResult> LoggedItemsAsync<TNext>(TMessage request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TMessage, TResult>
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            if (_logPayload) LoggingMiddlewareLog.StreamOpeningWithPayload(_logger, MessageTypeName, request?.ToString());
            else LoggingMiddlewareLog.StreamOpening(_logger, MessageTypeName);
        }

        var started = _time.GetTimestamp();
        var traceItems = _logger.IsEnabled(LogLevel.Trace);
        long count = 0;
        var ended = false;
        IAsyncEnumerator<TResult> items;
        try
        {
            items = next.InvokeAsync(request, context).GetAsyncEnumerator();
        }
        catch (Exception exception)
        {
            LogEnd(exception, count, started, context);
            throw;
        }

        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    ended = true;
                    LogEnd(exception, count, started, context);
                    throw;
                }

                if (!more)
                {
                    ended = true;
                    LoggingMiddlewareLog.Streamed(_logger, MessageTypeName, count, Elapsed(started), "completed");
                    yield break;
                }

                count++;
                if (traceItems) LoggingMiddlewareLog.StreamItem(_logger, MessageTypeName, count, Elapsed(started));
                yield return items.Current;
            }
        }
        finally
        {
            // Reached without an end entry only when the caller disposed the stream before its end (a break out of
            // await foreach): the handler did not fail, the caller stopped reading.
            if (!ended) LoggingMiddlewareLog.Streamed(_logger, MessageTypeName, count, Elapsed(started), "stopped");
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void LogEnd(Exception exception, long count, long started, MessageContext context)
    {
        if (exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            LoggingMiddlewareLog.StreamCancelled(_logger, MessageTypeName, count, Elapsed(started), "cancelled");
        else
            LoggingMiddlewareLog.StreamFailed(_logger, MessageTypeName, count, Elapsed(started), "failed", exception);
    }
}
