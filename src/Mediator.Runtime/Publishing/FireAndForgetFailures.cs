using System;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Mediator.Publishing;

/// <summary>
/// What a fire-and-forget publish does with the exception it ended with, since no caller will see it. Handler failures
/// the <see cref="IDeadLetterSink"/> kept are not reported again. Everything else (handler failures when no sink is
/// registered, a failure the sink threw on, a publish-side middleware's exception, a scope or pipeline that could not be
/// built) is logged as an error under the category <see cref="Category"/>, or written to the standard error stream when
/// the container has no <see cref="ILoggerFactory"/>: never dropped.
/// </summary>
internal static partial class FireAndForgetFailures
{
    /// <summary>The logger category of fire-and-forget failures.</summary>
    public const string Category = "Mediator.Publishing.FireAndForget";

    public static void Report(IServiceProvider root, Type notificationType, Exception exception)
    {
        try
        {
            if (KeptBySink(root, exception))
            {
                return;
            }

            if (root.GetService(typeof(ILoggerFactory)) is ILoggerFactory loggers)
            {
                Failed(loggers.CreateLogger(Category), notificationType.FullName ?? notificationType.Name, exception);
                return;
            }
        }
        catch (Exception reportError)
        {
            // The container is gone (the application is stopping) or the logger threw: the last place left follows.
            exception = new AggregateException(exception, reportError);
        }

        Console.Error.WriteLine($"{Category}: a fire-and-forget publish of '{notificationType.FullName}' failed and no logger is registered: {exception}");
    }

    /// <summary>Whether every failure is a handler's that the registered dead-letter sink kept (without throwing).</summary>
    private static bool KeptBySink(IServiceProvider root, Exception exception)
        => exception is PublishException publish
            && root.GetService(typeof(PublishRuntime)) is PublishRuntime { DeadLetters: not null }
            && publish.Failures.All(f => f.Exception is not DeadLetterSinkFailure);

    [LoggerMessage(EventId = 1, EventName = "FireAndForgetPublishFailed", Level = LogLevel.Error, Message = "A fire-and-forget publish of {NotificationType} failed")]
    private static partial void Failed(ILogger logger, string notificationType, Exception exception);
}
