using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;

namespace Mediator.Caching;

/// <summary>
/// The answers of cached requests, shared by every pipeline: register it as a singleton
/// (<c>AddMediatorCaching</c>). It owns a private <see cref="MemoryCache"/> (so its size limit binds only these
/// entries) and a map of the loads in flight, so that concurrent misses for one key run the handler once.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ConcurrentDictionary<ResponseCacheKey, Task<object?>> _inFlight = new();

    /// <summary>Creates an empty cache.</summary>
    /// <param name="options">The size limit.</param>
    /// <param name="timeProvider">The clock entries expire on.</param>
    public ResponseCache(CachingOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.SizeLimit, Clock = new TimeProviderClock(timeProvider) });
    }

    /// <summary>The number of answers held.</summary>
    public int Count => _cache.Count;

    /// <summary>Drops every answer (for example after the data behind them changed wholesale).</summary>
    public void Clear() => _cache.Clear();

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();

    internal bool TryGet<TResult>(ResponseCacheKey key, out TResult result)
    {
        if (_cache.TryGetValue(key, out var found))
        {
            result = (TResult)found!;
            return true;
        }

        result = default!;
        return false;
    }

    /// <summary>
    /// Joins the load in flight for <paramref name="key"/>, or starts one with <paramref name="load"/> and stores its
    /// answer when it succeeds. A failed load is never stored: every caller that joined it sees the failure, and the
    /// next send loads again. A joiner whose leader was cancelled by its own caller loads again itself.
    /// </summary>
    internal async ValueTask<TResult> GetOrLoadAsync<TResult, TState>(
        ResponseCacheKey key, CacheAttribute settings, TState state, Func<TState, CancellationToken, ValueTask<TResult>> load, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryGet(key, out TResult cached))
            {
                return cached;
            }

            var flight = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
            var existing = _inFlight.GetOrAdd(key, flight.Task);
            if (existing != flight.Task)
            {
                try
                {
                    return (TResult)(await existing.WaitAsync(cancellationToken).ConfigureAwait(false))!;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The leader's caller gave up, not ours: try again (the cache, a new flight, or lead one).
                    continue;
                }
            }

            try
            {
                var result = await load(state, cancellationToken).ConfigureAwait(false);
                Store(key, settings, result);
                flight.SetResult(result);
                return result;
            }
            catch (Exception exception)
            {
                if (exception is OperationCanceledException cancelled)
                {
                    flight.SetCanceled(cancelled.CancellationToken);
                }
                else
                {
                    flight.SetException(exception);
                }

                // Joiners observe the failure through the flight; nobody else must see it unobserved.
                _ = flight.Task.Exception;
                throw;
            }
            finally
            {
                _inFlight.TryRemove(new(key, flight.Task));
            }
        }
    }

    private void Store<TResult>(ResponseCacheKey key, CacheAttribute settings, TResult result)
    {
        using var entry = _cache.CreateEntry(key);
        entry.Value = result;
        entry.Size = settings.Size;
        entry.AbsoluteExpiration = _timeProvider.GetUtcNow().AddSeconds(settings.DurationSeconds);
    }
}
