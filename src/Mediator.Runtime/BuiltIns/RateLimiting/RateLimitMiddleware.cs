using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Mediator.BuiltIns;
using Mediator.Shared;

namespace Mediator.RateLimiting;

/// <summary>
/// Limits how often each caller may send: a token bucket per authenticated caller (<see cref="CallerRateLimiter"/>),
/// keyed by the caller's identity from <see cref="ICallerAccessor"/>, never by message content. Over the limit, the
/// dispatch is refused with <see cref="RateLimitExceededException"/> and its <c>RetryAfter</c>. A stream
/// (<c>CreateStream</c>) takes one token when the caller starts reading, however many items it then yields; a refused
/// caller gets the exception from the first <c>MoveNextAsync</c> and the handler's stream is never opened.
/// </summary>
/// <remarks>
/// It must run outside retry (diagnostic MED0015): inside it, every attempt would take a token. Anonymous callers share
/// one bucket or are refused, per <see cref="RateLimitOptions.AnonymousCallers"/>.
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.RateLimit, Concern = Concerns.RateLimit)]
[MustRunOutside(Concerns.Retry, Severity = RuleSeverity.Warning, RuleId = BuiltInRules.RateLimitOutsideRetry, Reason = BuiltInRules.RateLimitOutsideRetryReason)]
public sealed class RateLimitMiddleware<TMessage, TResult> : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>, IStreamOpeningCheck<TMessage>
{
    private readonly ICallerAccessor _callers;
    private readonly CallerRateLimiter _limiter;
    private readonly RateLimitOptions _options;

    /// <summary>Creates the middleware.</summary>
    /// <param name="callers">Who is sending.</param>
    /// <param name="limiter">The shared buckets.</param>
    /// <param name="options">The anonymous-caller policy and partition key.</param>
    public RateLimitMiddleware(ICallerAccessor callers, CallerRateLimiter limiter, RateLimitOptions options)
    {
        _callers = callers ?? throw new ArgumentNullException(nameof(callers));
        _limiter = limiter ?? throw new ArgumentNullException(nameof(limiter));
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        TakeToken(context.CancellationToken);
        return next.InvokeAsync(message, context);
    }

    /// <summary>
    /// Wraps a stream: one token is taken when the caller starts reading, and the inner stream (and so the handler) is
    /// opened only when the caller got one.
    /// </summary>
    IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage request, TNext next, MessageContext context)
        => new CheckedStreamEnumerator<TMessage, TResult, TNext, RateLimitMiddleware<TMessage, TResult>>(this, request, next, context);

    /// <summary>The stream's check, run in the caller's first read: one token.</summary>
    ValueTask IStreamOpeningCheck<TMessage>.CheckAsync(TMessage request, MessageContext context)
    {
        TakeToken(context.CancellationToken);
        return default;
    }

    /// <summary>Takes one token from the caller's bucket, or throws <see cref="RateLimitExceededException"/>.</summary>
    private void TakeToken(CancellationToken cancellationToken)
    {
        // A caller who already gave up takes no token and never reaches the handler.
        cancellationToken.ThrowIfCancellationRequested();

        var key = _options.KeyFor(_callers.Caller);
        if (key is null && _options.AnonymousCallers == AnonymousCallerPolicy.Reject)
            throw new RateLimitExceededException(typeof(TMessage), retryAfter: null, anonymous: true);

        // A token is spent, not held: nothing is given back when the dispatch ends, so the lease is released at once.
        using var lease = _limiter.AttemptAcquire(key);
        if (!lease.IsAcquired)
        {
            TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
            throw new RateLimitExceededException(typeof(TMessage), retryAfter, anonymous: key is null);
        }
    }
}
