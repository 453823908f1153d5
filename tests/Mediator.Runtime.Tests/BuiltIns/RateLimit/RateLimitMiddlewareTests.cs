using Mediator;
using Mediator.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace RuntimeTests.BuiltIns.RateLimit;

/// <summary>Token buckets per caller, refilled by a fake clock: counts and retry-after are exact.</summary>
public sealed class RateLimitMiddlewareTests
{
    public sealed record Order(string CustomerId);

    private sealed class Fixture : IDisposable
    {
        public Fixture(Action<RateLimitOptions> configure)
        {
            Options = new RateLimitOptions();
            configure(Options);
            Limiter = new CallerRateLimiter(Options, Clock);
            Middleware = new RateLimitMiddleware<Order, int>(Callers, Limiter, Options);
        }

        public FakeTimeProvider Clock { get; } = new();

        public SettableCallerAccessor Callers { get; } = new();

        public RateLimitOptions Options { get; }

        public CallerRateLimiter Limiter { get; }

        public RateLimitMiddleware<Order, int> Middleware { get; }

        public int Calls { get; private set; }

        public ValueTask<int> Send(string? caller, string customer = "c1", CancellationToken cancellationToken = default)
        {
            Callers.Caller = caller is null ? null : SettableCallerAccessor.User(caller);
            var next = new TestNext<Order, int>((_, _) => new ValueTask<int>(++Calls));
            return Middleware.InvokeAsync(new Order(customer), next, new MessageContext(typeof(Order), cancellationToken));
        }

        public async Task<RateLimitExceededException> Refused(string? caller, string customer = "c1")
            => await Assert.ThrowsAsync<RateLimitExceededException>(async () => await Send(caller, customer));

        public void Dispose() => Limiter.Dispose();
    }

    [Fact]
    public async Task Each_caller_has_its_own_bucket()
    {
        using var f = new Fixture(o => { o.TokenLimit = 2; o.TokensPerPeriod = 1; });

        await f.Send("alice");
        await f.Send("alice");
        await f.Refused("alice");
        await f.Send("bob");
        await f.Send("bob");
        await f.Refused("bob");

        Assert.Equal(4, f.Calls);
        Assert.Equal(2, f.Limiter.PartitionCount);
    }

    [Fact]
    public async Task The_key_comes_from_the_caller_so_changing_the_message_does_not_give_a_fresh_bucket()
    {
        using var f = new Fixture(o => { o.TokenLimit = 1; o.TokensPerPeriod = 1; });

        await f.Send("alice", customer: "c1");
        await f.Refused("alice", customer: "c2");
        await f.Refused("alice", customer: "alice-2");

        Assert.Equal(1, f.Calls);
        Assert.Equal(1, f.Limiter.PartitionCount);
    }

    [Fact]
    public async Task RetryAfter_is_the_time_left_until_the_next_token_on_the_clock()
    {
        using var f = new Fixture(o => { o.TokenLimit = 1; o.TokensPerPeriod = 1; o.ReplenishmentPeriod = TimeSpan.FromSeconds(1); });

        await f.Send("alice");
        f.Clock.Advance(TimeSpan.FromMilliseconds(300));
        var refusal = await f.Refused("alice");

        Assert.Equal(TimeSpan.FromMilliseconds(700), refusal.RetryAfter);
        Assert.False(refusal.Anonymous);
        Assert.Equal(typeof(Order), refusal.MessageType);

        f.Clock.Advance(TimeSpan.FromMilliseconds(699));
        await f.Refused("alice");
        f.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await f.Send("alice");
        Assert.Equal(2, f.Calls);
    }

    [Fact]
    public async Task Tokens_come_back_per_elapsed_period_and_never_beyond_the_limit()
    {
        using var f = new Fixture(o => { o.TokenLimit = 5; o.TokensPerPeriod = 2; o.ReplenishmentPeriod = TimeSpan.FromSeconds(1); });

        for (var i = 0; i < 5; i++) await f.Send("alice");
        await f.Refused("alice");

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, f.Limiter.GetStatistics("alice")!.CurrentAvailablePermits);

        f.Clock.Advance(TimeSpan.FromSeconds(100));
        Assert.Equal(5, f.Limiter.GetStatistics("alice")!.CurrentAvailablePermits);
        for (var i = 0; i < 5; i++) await f.Send("alice");
        await f.Refused("alice");
        Assert.Equal(10, f.Calls);
    }

    [Fact]
    public async Task Anonymous_callers_share_one_bucket_apart_from_authenticated_ones_by_default()
    {
        using var f = new Fixture(o => { o.TokenLimit = 2; o.TokensPerPeriod = 1; });

        await f.Send(null);
        f.Callers.Caller = SettableCallerAccessor.Unauthenticated("mallory"); // claims without authentication count as anonymous
        await f.Middleware.InvokeAsync(new Order("c1"), new TestNext<Order, int>((_, _) => new ValueTask<int>(0)), new MessageContext(typeof(Order), CancellationToken.None));
        var refusal = await f.Refused(null);
        await f.Send("alice");

        Assert.True(refusal.Anonymous);
        Assert.Equal(0, f.Limiter.GetStatistics(null)!.CurrentAvailablePermits);
        Assert.Equal(1, f.Limiter.PartitionCount);
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_without_retry_after_when_the_policy_says_reject()
    {
        using var f = new Fixture(o => o.AnonymousCallers = AnonymousCallerPolicy.Reject);

        var refusal = await f.Refused(null);

        Assert.True(refusal.Anonymous);
        Assert.Null(refusal.RetryAfter);
        Assert.Equal(0, f.Calls);
    }

    [Fact]
    public async Task The_partition_count_is_bounded_and_refilled_buckets_make_room()
    {
        using var f = new Fixture(o => { o.TokenLimit = 1; o.TokensPerPeriod = 1; o.MaxPartitions = 2; });

        await f.Send("alice");
        await f.Send("bob");
        var refusal = await f.Refused("carol");
        Assert.Null(refusal.RetryAfter);
        Assert.Equal(2, f.Limiter.PartitionCount);

        f.Clock.Advance(TimeSpan.FromSeconds(1)); // alice's and bob's buckets are full again: idle, evictable
        await f.Send("carol");

        Assert.Equal(1, f.Limiter.PartitionCount);
        Assert.Equal(3, f.Calls);
    }

    [Fact]
    public async Task Idle_buckets_are_swept_on_the_clock_while_traffic_goes_on()
    {
        using var f = new Fixture(o => { o.TokenLimit = 10; o.TokensPerPeriod = 10; o.SweepInterval = TimeSpan.FromMinutes(1); });

        await f.Send("alice");
        await f.Send("bob");
        f.Clock.Advance(TimeSpan.FromSeconds(59));
        await f.Send("bob");
        Assert.Equal(2, f.Limiter.PartitionCount);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        await f.Send("bob"); // the sweep runs first: alice's and bob's refilled buckets go, bob gets a new one

        Assert.Equal(1, f.Limiter.PartitionCount);
        Assert.Equal(9, f.Limiter.GetStatistics("bob")!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task An_already_cancelled_token_never_reaches_the_handler_and_takes_no_token()
    {
        using var f = new Fixture(o => { o.TokenLimit = 1; o.TokensPerPeriod = 1; });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await f.Send("alice", cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, f.Calls);
        await f.Send("alice");
        Assert.Equal(1, f.Calls);
    }

    [Fact]
    public void AddMediatorRateLimit_uses_the_registered_clock_and_configures_the_same_options_on_every_call()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddMediatorRateLimit(o => o.TokenLimit = 3);
        services.AddMediatorRateLimit(o => o.TokensPerPeriod = 2);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<RateLimitOptions>();
        Assert.Equal((3, 2), (options.TokenLimit, options.TokensPerPeriod));
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Same(provider.GetRequiredService<CallerRateLimiter>(), provider.GetRequiredService<CallerRateLimiter>());
    }
}
