using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Mediator.BuiltIns;
using Mediator.Shared;

namespace Mediator.Resilience;

/// <summary>
/// Re-invokes the rest of the pipeline when an attempt fails with a transient error, waiting an exponential back-off
/// (from <see cref="TimeProvider"/>) between attempts, up to <see cref="RetryAttribute.MaxAttempts"/> calls in all;
/// when they are used up the last failure propagates unchanged. It wraps only messages that carry
/// <see cref="RetryAttribute"/>, and refuses (at construction) a message that is not idempotent unless the attribute
/// allows it. A cancelled caller token is never retried: cancellation during an attempt or a back-off ends the send.
/// Around a notification handler it re-runs that handler only; the handler is safe to retry when its class or the
/// notification implements <see cref="IIdempotent"/>.
/// </summary>
/// <remarks>
/// Hand-written rather than on Polly's retry strategy: the loop is a few lines, and written here the happy path is a
/// direct await of <c>next</c> with no callback delegate, no <c>Outcome</c> wrapping and no resilience context, so a
/// first-attempt success allocates nothing. It runs outside the transaction (MED0013), so every attempt gets a fresh
/// unit of work.
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Retry, Concern = Concerns.Retry)]
[MustRunOutside(Concerns.Transaction, Severity = RuleSeverity.Error, RuleId = BuiltInRules.RetryOutsideTransaction, Reason = BuiltInRules.RetryOutsideTransactionReason)]
public sealed class RetryMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>
{
    private readonly RetryAttribute _settings;
    private readonly TimeProvider _timeProvider;
    private readonly RetryOptions _options;
    private readonly IRetryPredicate[] _predicates;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="settings">The message's <see cref="RetryAttribute"/>.</param>
    /// <param name="timeProvider">The clock the back-off waits on.</param>
    /// <param name="options">Settings shared by all messages.</param>
    /// <param name="predicates">User rules that declare more exceptions transient.</param>
    /// <param name="handler">The notification handler this instance wraps (it alone is run again); null for a request.</param>
    /// <exception cref="InvalidOperationException">The message (for a notification: neither it nor the handler) is not idempotent and its attribute does not allow retrying it anyway.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The attribute asks for fewer than one attempt or a negative delay.</exception>
    public RetryMiddleware(RetryAttribute settings, TimeProvider timeProvider, RetryOptions options, IEnumerable<IRetryPredicate> predicates, HandlerIdentity? handler = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxAttempts, 1, nameof(settings.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.BaseDelayMilliseconds, nameof(settings.BaseDelayMilliseconds));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxDelayMilliseconds, nameof(settings.MaxDelayMilliseconds));
        if (!settings.AllowNonIdempotent && !IsIdempotent(typeof(TMessage)) && !(handler is not null && IsIdempotent(handler.HandlerType)))
        {
            throw new InvalidOperationException(handler is null
                ? $"{typeof(TMessage)} carries [Retry] but is not idempotent, so retrying could run its effects twice. " +
                  "Implement IIdempotent (or IQuery<TResponse> for a read), or set [Retry(AllowNonIdempotent = true)] to accept repeats."
                : $"{handler.HandlerType} is retried for {typeof(TMessage)} ([Retry]) but neither is idempotent, so retrying could run the handler's effects twice. " +
                  "Implement IIdempotent on the handler class (this handler may run twice) or on the notification (all its handlers may), or set [Retry(AllowNonIdempotent = true)] to accept repeats.");
        }

        _settings = settings;
        _timeProvider = timeProvider;
        _options = options;
        _predicates = predicates.ToArray();
    }

    /// <inheritdoc />
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        var token = context.CancellationToken;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next.InvokeAsync(message, context).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < _settings.MaxAttempts && !token.IsCancellationRequested && IsTransient(exception))
            {
                // Cancellation of the caller's token during the wait throws here and ends the send.
                await Task.Delay(RetryBackoff.DelayBefore(attempt, _settings, Random.Shared), _timeProvider, token).ConfigureAwait(false);
            }
        }
    }

    private static bool IsIdempotent(Type type) => typeof(IIdempotent).IsAssignableFrom(type);

    private bool IsTransient(Exception exception)
    {
        if (exception is TransientException || (exception is TimeoutException && _options.RetryTimeouts))
        {
            return true;
        }

        foreach (var predicate in _predicates)
        {
            if (predicate.IsTransient(exception, typeof(TMessage)))
            {
                return true;
            }
        }

        return false;
    }
}
