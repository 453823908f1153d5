using System;
using Microsoft.Extensions.Logging;

namespace Mediator.Logging;

/// <summary>The entries of the logging middleware, as <see cref="LoggerMessageAttribute"/> source-generated methods: no boxing, no parsing of templates at run time.</summary>
internal static partial class LoggingMiddlewareLog
{
    [LoggerMessage(EventId = 1, EventName = "Dispatching", Level = LogLevel.Debug, Message = "Dispatching {MessageType}")]
    public static partial void Dispatching(ILogger logger, string messageType);

    [LoggerMessage(EventId = 2, EventName = "DispatchingWithPayload", Level = LogLevel.Debug, Message = "Dispatching {MessageType}: {Payload}")]
    public static partial void DispatchingWithPayload(ILogger logger, string messageType, string? payload);

    [LoggerMessage(EventId = 3, EventName = "Dispatched", Level = LogLevel.Information, Message = "Dispatched {MessageType} in {ElapsedMilliseconds} ms: {Outcome}")]
    public static partial void Dispatched(ILogger logger, string messageType, double elapsedMilliseconds, string outcome);

    [LoggerMessage(EventId = 4, EventName = "DispatchCancelled", Level = LogLevel.Information, Message = "Dispatched {MessageType} in {ElapsedMilliseconds} ms: {Outcome}")]
    public static partial void Cancelled(ILogger logger, string messageType, double elapsedMilliseconds, string outcome);

    [LoggerMessage(EventId = 5, EventName = "DispatchFailed", Level = LogLevel.Error, Message = "Dispatched {MessageType} in {ElapsedMilliseconds} ms: {Outcome}")]
    public static partial void Failed(ILogger logger, string messageType, double elapsedMilliseconds, string outcome, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "StreamOpening", Level = LogLevel.Debug, Message = "Opening stream {MessageType}")]
    public static partial void StreamOpening(ILogger logger, string messageType);

    [LoggerMessage(EventId = 7, EventName = "StreamOpeningWithPayload", Level = LogLevel.Debug, Message = "Opening stream {MessageType}: {Payload}")]
    public static partial void StreamOpeningWithPayload(ILogger logger, string messageType, string? payload);

    [LoggerMessage(EventId = 8, EventName = "StreamItem", Level = LogLevel.Trace, Message = "Stream {MessageType} item {ItemNumber} after {ElapsedMilliseconds} ms")]
    public static partial void StreamItem(ILogger logger, string messageType, long itemNumber, double elapsedMilliseconds);

    [LoggerMessage(EventId = 9, EventName = "Streamed", Level = LogLevel.Information, Message = "Streamed {MessageType}: {ItemCount} items in {ElapsedMilliseconds} ms: {Outcome}")]
    public static partial void Streamed(ILogger logger, string messageType, long itemCount, double elapsedMilliseconds, string outcome);

    [LoggerMessage(EventId = 10, EventName = "StreamCancelled", Level = LogLevel.Information, Message = "Streamed {MessageType}: {ItemCount} items in {ElapsedMilliseconds} ms: {Outcome}")]
    public static partial void StreamCancelled(ILogger logger, string messageType, long itemCount, double elapsedMilliseconds, string outcome);

    [LoggerMessage(EventId = 11, EventName = "StreamFailed", Level = LogLevel.Error, Message = "Streamed {MessageType}: {ItemCount} items in {ElapsedMilliseconds} ms: {Outcome}")]
    public static partial void StreamFailed(ILogger logger, string messageType, long itemCount, double elapsedMilliseconds, string outcome, Exception exception);
}
