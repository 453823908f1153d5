using BenchmarkDotNet.Attributes;
using Mediator;
using Mediator.Authorization;
using Mediator.BuiltIns;
using Mediator.Caching;
using Microsoft.Extensions.DependencyInjection;

namespace BuiltInBenchmarks.Caching;

/// <summary>
/// One cache hit through <see cref="CachingMiddleware{TMessage, TResult}"/> alone (issue 21: the caller in the key):
/// with no caller accessor registered (the app's default: <c>AddMediatorCaching</c>'s accessor that knows no caller),
/// with a signed-in caller on a message without <c>[Authorize]</c>, and with one on a message carrying it. The same
/// file builds against the code before and after the key rule changed, so the two runs compare like with like.
/// </summary>
[MemoryDiagnoser]
public class CacheHitBenchmarks
{
    private static readonly MessageContext Context = new(typeof(CachedPrice), default);
    private readonly CachedPrice _message = new(1);
    private ServiceProvider _services = null!;
    private CachingMiddleware<CachedPrice, int> _noAccessor = null!;
    private CachingMiddleware<CachedPrice, int> _signedIn = null!;
    private CachingMiddleware<CachedPrice, int> _signedInAuthorize = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _services = new ServiceCollection().AddMediatorCaching().BuildServiceProvider();
        var cache = _services.GetRequiredService<ResponseCache>();
        var settings = new CacheAttribute { DurationSeconds = 3600 };
        _noAccessor = new(settings, null, cache, _services.GetRequiredService<ICallerAccessor>());
        _signedIn = new(settings, null, cache, new ClerkCaller());
        _signedInAuthorize = new(settings, new AuthorizeAttribute(), cache, new ClerkCaller());

        // Fill each middleware's entry; a miss afterwards would be a wrong answer.
        foreach (var middleware in new[] { _noAccessor, _signedIn, _signedInAuthorize })
        {
            if (await middleware.InvokeAsync(_message, new Answer(1), Context) != 1 || await middleware.InvokeAsync(_message, new Answer(-1), Context) != 1)
                throw new InvalidOperationException("not a hit");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public ValueTask<int> Hit_no_accessor() => _noAccessor.InvokeAsync(_message, new Answer(-1), Context);

    [Benchmark]
    public ValueTask<int> Hit_signed_in() => _signedIn.InvokeAsync(_message, new Answer(-1), Context);

    [Benchmark]
    public ValueTask<int> Hit_signed_in_authorize() => _signedInAuthorize.InvokeAsync(_message, new Answer(-1), Context);

    /// <summary>The handler stand-in: answers a fixed value (-1 in the measured calls, which must never run it).</summary>
    private readonly struct Answer(int value) : INext<CachedPrice, int>
    {
        public ValueTask<int> InvokeAsync(CachedPrice message, MessageContext context) => new(value);
    }
}

/// <summary>The cached read of <see cref="CacheHitBenchmarks"/>; no handler: the middleware is called directly.</summary>
public sealed record CachedPrice(int Id);
