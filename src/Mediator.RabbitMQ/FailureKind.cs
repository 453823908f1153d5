using System;
using Mediator.Resilience;

namespace Mediator.RabbitMQ;

/// <summary>How the consumer reads what <c>Publish</c> threw for a consumed message.</summary>
internal enum FailureKind
{
    /// <summary><see cref="RetryException"/> or <see cref="TransientException"/> from every failed handler.</summary>
    Retryable,

    /// <summary>Anything else, for <see cref="RabbitMqConsumerOptions.OtherExceptions"/>.</summary>
    Other,
}

internal static class FailureClassifier
{
    /// <summary>A <see cref="PublishException"/> is retryable when each of its failures is; a single exception (the
    /// original failure mode, or publish-side middleware) by its own type.</summary>
    public static FailureKind Classify(Exception error)
    {
        if (error is PublishException publish && publish.Failures.Count > 0)
        {
            foreach (var failure in publish.Failures)
            {
                if (!IsRetryable(failure.Exception))
                {
                    return FailureKind.Other;
                }
            }

            return FailureKind.Retryable;
        }

        return IsRetryable(error) ? FailureKind.Retryable : FailureKind.Other;
    }

    private static bool IsRetryable(Exception error) => error is RetryException or TransientException;
}
