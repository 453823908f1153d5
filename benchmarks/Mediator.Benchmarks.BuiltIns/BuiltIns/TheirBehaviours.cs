using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Mediator;
using Mediator.BuiltIns;
using MediatR;
using Mediator.Resilience;
using Mediator.Transactions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace BuiltInBenchmarks;

// The same eleven concerns the way MediatR users compose them today: one IPipelineBehavior each, Polly.Core for
// retry/timeout/breaker (one ResiliencePipeline), System.Threading.RateLimiting, IMemoryCache, ILogger, Meter and
// ActivitySource. Written as a careful user would (IsEnabled checks, no payload logging), not as a straw man.

public sealed record TheirQuery(int Id) : MediatR.IRequest<int>;

public sealed class TheirQueryHandler : MediatR.IRequestHandler<TheirQuery, int>
{
    public Task<int> Handle(TheirQuery request, CancellationToken cancellationToken) => Task.FromResult(request.Id);
}

public sealed class TheirLogging<TRequest, TResponse>(ILoggerFactory factory, TimeProvider time) : IPipelineBehavior<TRequest, TResponse>
{
    private readonly ILogger _logger = factory.CreateLogger("Mediator");

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = time.GetTimestamp();
        if (_logger.IsEnabled(LogLevel.Debug)) _logger.LogDebug("Handling {MessageType}", typeof(TRequest).Name);
        try
        {
            var response = await next();
            if (_logger.IsEnabled(LogLevel.Debug)) _logger.LogDebug("Handled {MessageType} in {Elapsed}", typeof(TRequest).Name, time.GetElapsedTime(started));
            return response;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "{MessageType} failed", typeof(TRequest).Name);
            throw;
        }
    }
}

public sealed class TheirValidation<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is TheirQuery { Id: < 0 }) throw new ArgumentException("Id must not be negative");
        return next();
    }
}

public sealed class TheirAuthorization<TRequest, TResponse>(ICallerAccessor callers) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (callers.Caller is not { Identity.IsAuthenticated: true } caller || !caller.IsInRole("clerk")) throw new UnauthorizedAccessException();
        return next();
    }
}

public sealed class TheirMetrics<TRequest, TResponse>(TheirInstruments instruments, TimeProvider time) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var activity = instruments.Source.StartActivity(typeof(TRequest).Name);
        var started = time.GetTimestamp();
        var tag = new KeyValuePair<string, object?>("message.type", typeof(TRequest).FullName);
        try
        {
            var response = await next();
            instruments.Success.Add(1, tag);
            return response;
        }
        catch
        {
            instruments.Failure.Add(1, tag);
            throw;
        }
        finally
        {
            instruments.Duration.Record(time.GetElapsedTime(started).TotalMilliseconds, tag);
        }
    }
}

public sealed class TheirInstruments
{
    private readonly Meter _meter = new("Their.Mediator");

    public TheirInstruments()
    {
        Success = _meter.CreateCounter<long>("request_success_total");
        Failure = _meter.CreateCounter<long>("request_failure_total");
        Duration = _meter.CreateHistogram<double>("request_duration_ms");
    }

    public ActivitySource Source { get; } = new("Their.Mediator");
    public Counter<long> Success { get; }
    public Counter<long> Failure { get; }
    public Histogram<double> Duration { get; }
}

public sealed class TheirRateLimit<TRequest, TResponse>(ICallerAccessor callers, TheirLimiters limiters) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var lease = limiters.PerCaller.AttemptAcquire(callers.Caller!);
        if (!lease.IsAcquired) throw new InvalidOperationException("rate limited");
        return await next();
    }
}

public sealed class TheirBulkhead<TRequest, TResponse>(TheirLimiters limiters) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var lease = await limiters.Bulkhead.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired) throw new InvalidOperationException("bulkhead full");
        return await next();
    }
}

public sealed class TheirLimiters
{
    public PartitionedRateLimiter<ClaimsPrincipal> PerCaller { get; } = PartitionedRateLimiter.Create<ClaimsPrincipal, string>(caller =>
        RateLimitPartition.GetTokenBucketLimiter(caller.Identity?.Name ?? "", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = int.MaxValue, TokensPerPeriod = int.MaxValue, ReplenishmentPeriod = TimeSpan.FromSeconds(1), AutoReplenishment = true,
        }));

    public ConcurrencyLimiter Bulkhead { get; } = new(new ConcurrencyLimiterOptions { PermitLimit = 8, QueueLimit = 16 });
}

public sealed class TheirCaching<TRequest, TResponse>(IMemoryCache cache, ICallerAccessor callers) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var key = (callers.Caller?.Identity?.Name, request);
        if (cache.TryGetValue(key, out TResponse? hit)) return hit!;
        var response = await next();
        cache.Set(key, response, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10), Size = 1 });
        return response;
    }
}

public sealed class TheirResilience<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    // Retry outside timeout outside breaker, as our canonical order; one pipeline per closed type, built once.
    private static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(10), BackoffType = DelayBackoffType.Exponential, UseJitter = true, ShouldHandle = new PredicateBuilder().Handle<TransientException>().Handle<TimeoutRejectedException>() })
        .AddTimeout(TimeSpan.FromSeconds(30))
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions { FailureRatio = 1.0, MinimumThroughput = 5, BreakDuration = TimeSpan.FromSeconds(30) })
        .Build();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        => await Pipeline.ExecuteAsync(static async (next, _) => await next(), next, cancellationToken);
}

public sealed class TheirTransaction<TRequest, TResponse>(ITransactionManager manager) : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly TransactionalAttribute Settings = new();

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await using var transaction = await manager.BeginAsync(Settings, cancellationToken);
        try
        {
            var response = await next();
            await transaction.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
    }
}
