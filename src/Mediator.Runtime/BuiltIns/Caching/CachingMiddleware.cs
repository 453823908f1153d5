using System;
using System.Threading;
using System.Threading.Tasks;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Mediator.Shared;

namespace Mediator.Caching;

/// <summary>
/// Answers repeated reads from <see cref="ResponseCache"/>. It wraps only messages carrying <see cref="CacheAttribute"/>;
/// the key is the message type plus the message's <see cref="ICacheKey.CacheKey"/> or, without it, the message itself
/// by its value equality (records), plus the caller's partition whenever a caller is known, so one user's answer never
/// reaches another (safe by default: a handler may read the current user without the message saying so). The caller
/// is left out only when the message declares <see cref="CacheAttribute.SharedAcrossCallers"/> or no
/// <see cref="ICallerAccessor"/> is registered. Anonymous callers share one partition of their own; an authenticated
/// caller with no identifier, or no caller for a message carrying <see cref="AuthorizeAttribute"/>, bypasses the cache.
/// Concurrent misses for one key run the handler once; failures are never cached.
/// </summary>
/// <remarks>
/// The key comes from equality the compiler writes (records) or from the message itself (<see cref="ICacheKey"/>):
/// no reflection over properties and no serializer, so it is trimming- and AOT-safe. A message type that has neither
/// would only ever hit by reference, so it is refused at construction. Requests only (<see cref="IRequestMiddleware{TRequest, TResponse}"/>):
/// a notification has no response to keep, and a cached <see cref="Unit"/> would skip its handlers.
/// </remarks>
/// <typeparam name="TMessage">The message type.</typeparam>
/// <typeparam name="TResult">The answer type.</typeparam>
[Middleware(Order = BuiltInOrder.Caching, Concern = Concerns.Caching)]
[MustRunInside(Concerns.Authorization, Severity = RuleSeverity.Error, RuleId = BuiltInRules.CachingInsideAuthorization, Reason = BuiltInRules.CachingInsideAuthorizationReason)]
public sealed class CachingMiddleware<TMessage, TResult> : IRequestMiddleware<TMessage, TResult>
    where TMessage : notnull
{
    private readonly CacheAttribute _settings;
    private readonly bool _perCaller;
    private readonly bool _requiresCaller;
    private readonly ResponseCache _cache;
    private readonly ICallerAccessor _callerAccessor;

    /// <summary>Creates the middleware for one message type.</summary>
    /// <param name="settings">The message's <see cref="CacheAttribute"/>.</param>
    /// <param name="authorize">
    /// The message's <see cref="AuthorizeAttribute"/>, or null when it requires no authorization: with it, a send with no
    /// identifiable caller is never cached (authorization should have refused it; if a policy let it through, its answer
    /// is not kept).
    /// </param>
    /// <param name="cache">The shared answers.</param>
    /// <param name="callerAccessor">Who is sending: its caller is part of the key unless the answers are shared across callers.</param>
    /// <exception cref="InvalidOperationException">The message has neither <see cref="ICacheKey"/> nor value equality.</exception>
    public CachingMiddleware(CacheAttribute settings, AuthorizeAttribute? authorize, ResponseCache cache, ICallerAccessor callerAccessor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.DurationSeconds, 0, nameof(settings.DurationSeconds));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.Size, nameof(settings.Size));
        if (!typeof(ICacheKey).IsAssignableFrom(typeof(TMessage)) && !typeof(IEquatable<TMessage>).IsAssignableFrom(typeof(TMessage)))
        {
            throw new InvalidOperationException(
                $"{typeof(TMessage)} carries [Cache] but has no cache key: make it a record (value equality) or implement ICacheKey.");
        }

        _settings = settings;
        _requiresCaller = authorize is not null && !settings.SharedAcrossCallers;
        // The accessor AddMediatorCaching registers when the app has none never knows a caller: skip asking it, so an
        // app without callers pays nothing for the caller rule.
        _perCaller = _requiresCaller || (!settings.SharedAcrossCallers && callerAccessor is not NoCallerAccessor);
        _cache = cache;
        _callerAccessor = callerAccessor;
    }

    /// <inheritdoc />
    public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        string? caller = null;
        if (_perCaller && (!CallerIdentity.TryPartition(_callerAccessor.Caller, out caller) || (caller is null && _requiresCaller)))
        {
            // An answer that depends on a caller we cannot identify must not be shared: no cache at all.
            return next.InvokeAsync(message, context);
        }

        var key = new ResponseCacheKey(typeof(TMessage), message is ICacheKey own ? own.CacheKey : message, caller);
        if (_cache.TryGet(key, out TResult hit))
        {
            return new ValueTask<TResult>(hit);
        }

        return _cache.GetOrLoadAsync(
            key,
            _settings,
            (message, next, context),
            static (state, token) => state.next.InvokeAsync(state.message, state.context.WithCancellationToken(token)),
            context.CancellationToken);
    }
}
