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
}
