using Mediator;
using Mediator.Resilience;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests.BuiltIns.Bulkhead;

/// <summary>The bulkhead admits exactly its permits, rejects the rest, and always gets its permits back; no sleeps.</summary>
public sealed class BulkheadMiddlewareTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(1); // hang guard for awaits, not a timing claim

    public sealed record Job(int Id);

    public sealed record OtherJob(int Id);

    /// <summary>Handlers that block on one gate, so the test decides when in-flight dispatches finish.</summary>
    private sealed class GatedHandler
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _entered;
        private int _inFlight;
        private int _maxInFlight;

        public int Entered => Volatile.Read(ref _entered);

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public TaskCompletionSource AllEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int ExpectedEntries { get; init; }

        public bool Throw { get; init; }

        public void Open() => _gate.TrySetResult();

        public async ValueTask<int> Handle<TMessage>(TMessage message, MessageContext context)
        {
            var inFlight = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, inFlight);
            if (Interlocked.Increment(ref _entered) == ExpectedEntries) AllEntered.TrySetResult();
            try
            {
                await _gate.Task;
                if (Throw) throw new InvalidOperationException("handler failed");
                return 1;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            var current = Volatile.Read(ref target);
            while (value > current)
            {
                var seen = Interlocked.CompareExchange(ref target, value, current);
                if (seen == current) return;
                current = seen;
            }
        }
    }

    private static (BulkheadMiddleware<T, int> Middleware, BulkheadRegistry Registry, BulkheadOptions Options) Create<T>(
        BulkheadAttribute? settings, Action<BulkheadOptions>? configure = null)
    {
        var options = new BulkheadOptions();
        configure?.Invoke(options);
        var registry = new BulkheadRegistry(options);
        return (new BulkheadMiddleware<T, int>(registry, options, settings), registry, options);
    }

    private static int AvailablePermits<T>(BulkheadRegistry registry, BulkheadAttribute? settings)
        => (int)registry.GetLimiter(typeof(T), settings).GetStatistics()!.CurrentAvailablePermits;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(8, 24)]
    public async Task P_permits_and_P_plus_k_gated_calls_run_exactly_P_and_reject_k_then_every_permit_comes_back_after_throws(int permits, int extra)
    {
        var settings = new BulkheadAttribute { MaxConcurrency = permits, QueueLimit = 0 };
        var (middleware, registry, _) = Create<Job>(settings);
        using var _ = registry;
        var handler = new GatedHandler { ExpectedEntries = permits, Throw = true };
        var next = new TestNext<Job, int>(handler.Handle);

        var running = new List<Task<int>>();
        var rejected = 0;
        for (var i = 0; i < permits + extra; i++)
        {
            var call = middleware.InvokeAsync(new Job(i), next, new MessageContext(typeof(Job), CancellationToken.None)).AsTask();
            if (call.IsFaulted && call.Exception!.InnerException is BulkheadRejectedException) rejected++;
            else running.Add(call);
        }

        await handler.AllEntered.Task.WaitAsync(Guard);
        Assert.Equal(permits, handler.Entered);
        Assert.Equal(extra, rejected);
        Assert.Equal(permits, running.Count);
        Assert.Equal(0, AvailablePermits<Job>(registry, settings));

        handler.Open();
        foreach (var call in running)
            await Assert.ThrowsAsync<InvalidOperationException>(() => call.WaitAsync(Guard));

        Assert.Equal(permits, handler.MaxInFlight);
        Assert.Equal(permits, AvailablePermits<Job>(registry, settings));
    }

    [Fact]
    public async Task Rejection_names_the_message_and_the_limits()
    {
        var settings = new BulkheadAttribute { MaxConcurrency = 1 };
        var (middleware, registry, _) = Create<Job>(settings);
        using var _ = registry;
        var handler = new GatedHandler { ExpectedEntries = 1 };
        var next = new TestNext<Job, int>(handler.Handle);

        var first = middleware.InvokeAsync(new Job(1), next, new MessageContext(typeof(Job), CancellationToken.None));
        var rejection = await Assert.ThrowsAsync<BulkheadRejectedException>(
            async () => await middleware.InvokeAsync(new Job(2), next, new MessageContext(typeof(Job), CancellationToken.None)));

        Assert.Equal(typeof(Job), rejection.MessageType);
        Assert.Null(rejection.Group);
        Assert.Equal(new BulkheadLimits(1, 0), rejection.Limits);
        handler.Open();
        Assert.Equal(1, await first.AsTask().WaitAsync(Guard));
    }

    [Fact]
    public async Task An_already_cancelled_token_never_reaches_the_handler_and_takes_no_permit()
    {
        var (middleware, registry, _) = Create<Job>(null, o => o.MaxConcurrency = 2);
        using var _ = registry;
        var calls = 0;
        var next = new TestNext<Job, int>((_, _) => { calls++; return new ValueTask<int>(1); });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await middleware.InvokeAsync(new Job(1), next, new MessageContext(typeof(Job), new CancellationToken(canceled: true))));

        Assert.Equal(0, calls);
        Assert.Equal(2, AvailablePermits<Job>(registry, null));
    }

    [Fact]
    public async Task A_queued_dispatch_runs_when_a_permit_frees_and_a_full_queue_rejects()
    {
        var settings = new BulkheadAttribute { MaxConcurrency = 1, QueueLimit = 1 };
        var (middleware, registry, _) = Create<Job>(settings);
        using var _ = registry;
        var handler = new GatedHandler { ExpectedEntries = 1 };
        var next = new TestNext<Job, int>(handler.Handle);
        MessageContext Context() => new(typeof(Job), CancellationToken.None);

        var running = middleware.InvokeAsync(new Job(1), next, Context()).AsTask();
        var queued = middleware.InvokeAsync(new Job(2), next, Context()).AsTask();
        await Assert.ThrowsAsync<BulkheadRejectedException>(async () => await middleware.InvokeAsync(new Job(3), next, Context()));

        Assert.False(queued.IsCompleted);
        Assert.Equal(1, handler.Entered);

        handler.Open();
        Assert.Equal(1, await running.WaitAsync(Guard));
        Assert.Equal(1, await queued.WaitAsync(Guard));
        Assert.Equal(2, handler.Entered);
        Assert.Equal(1, handler.MaxInFlight);
        Assert.Equal(1, AvailablePermits<Job>(registry, settings));
    }

    [Fact]
    public async Task Concurrent_callers_from_many_threads_never_exceed_the_limit_and_the_queue_drains_completely()
    {
        const int permits = 3, callers = 50;
        var settings = new BulkheadAttribute { MaxConcurrency = permits, QueueLimit = callers - permits };
        var (middleware, registry, _) = Create<Job>(settings);
        using var _ = registry;
        var handler = new GatedHandler { ExpectedEntries = permits };
        var next = new TestNext<Job, int>(handler.Handle);

        var calls = Enumerable.Range(0, callers)
            .Select(i => Task.Run(() => middleware.InvokeAsync(new Job(i), next, new MessageContext(typeof(Job), CancellationToken.None)).AsTask()))
            .ToArray();
        await handler.AllEntered.Task.WaitAsync(Guard);
        // Wait until every caller is queued (the limiter's own count, no sleeps); a rejected caller ends the wait too.
        while (registry.GetLimiter(typeof(Job), settings).GetStatistics()!.CurrentQueuedCount < callers - permits && !calls.Any(c => c.IsCompleted))
            await Task.Yield();

        Assert.DoesNotContain(calls, c => c.IsCompleted);
        Assert.Equal(permits, handler.Entered);
        handler.Open();
        var results = await Task.WhenAll(calls).WaitAsync(Guard);

        Assert.Equal(callers, results.Sum());
        Assert.Equal(callers, handler.Entered);
        Assert.Equal(permits, handler.MaxInFlight);
        Assert.Equal(permits, AvailablePermits<Job>(registry, settings));
    }

    [Fact]
    public async Task Cancelling_a_queued_dispatch_leaves_the_queue_without_reaching_the_handler_or_losing_a_permit()
    {
        var settings = new BulkheadAttribute { MaxConcurrency = 1, QueueLimit = 1 };
        var (middleware, registry, _) = Create<Job>(settings);
        using var _ = registry;
        var handler = new GatedHandler { ExpectedEntries = 1 };
        var next = new TestNext<Job, int>(handler.Handle);
        using var cancel = new CancellationTokenSource();

        var running = middleware.InvokeAsync(new Job(1), next, new MessageContext(typeof(Job), CancellationToken.None)).AsTask();
        var queued = middleware.InvokeAsync(new Job(2), next, new MessageContext(typeof(Job), cancel.Token)).AsTask();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Guard));
        handler.Open();
        Assert.Equal(1, await running.WaitAsync(Guard));
        Assert.Equal(1, handler.Entered);
        Assert.Equal(1, AvailablePermits<Job>(registry, settings));
    }

    [Fact]
    public async Task Messages_of_one_group_share_one_bulkhead_and_other_types_have_their_own()
    {
        var options = new BulkheadOptions().SetGroup("reports", maxConcurrency: 1);
        var registry = new BulkheadRegistry(options);
        using var _ = registry;
        var group = new BulkheadAttribute { Group = "reports" };
        var jobs = new BulkheadMiddleware<Job, int>(registry, options, group);
        var others = new BulkheadMiddleware<OtherJob, int>(registry, options, group);
        var ungrouped = new BulkheadMiddleware<OtherJob, int>(registry, options, new BulkheadAttribute { MaxConcurrency = 1 });
        var handler = new GatedHandler { ExpectedEntries = 2 };

        var job = jobs.InvokeAsync(new Job(1), new TestNext<Job, int>(handler.Handle), new MessageContext(typeof(Job), CancellationToken.None)).AsTask();
        var rejection = await Assert.ThrowsAsync<BulkheadRejectedException>(async () =>
            await others.InvokeAsync(new OtherJob(1), new TestNext<OtherJob, int>(handler.Handle), new MessageContext(typeof(OtherJob), CancellationToken.None)));
        var own = ungrouped.InvokeAsync(new OtherJob(2), new TestNext<OtherJob, int>(handler.Handle), new MessageContext(typeof(OtherJob), CancellationToken.None)).AsTask();

        Assert.Equal("reports", rejection.Group);
        await handler.AllEntered.Task.WaitAsync(Guard);
        handler.Open();
        Assert.Equal(1, await job.WaitAsync(Guard));
        Assert.Equal(1, await own.WaitAsync(Guard));
    }

    [Fact]
    public void AddMediatorBulkhead_registers_one_registry_and_configures_the_same_options_on_every_call()
    {
        var services = new ServiceCollection();
        services.AddMediatorBulkhead(o => o.MaxConcurrency = 5);
        services.AddMediatorBulkhead(o => o.QueueLimit = 7);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<BulkheadOptions>();
        Assert.Equal(5, options.MaxConcurrency);
        Assert.Equal(7, options.QueueLimit);
        Assert.Same(provider.GetRequiredService<BulkheadRegistry>(), provider.GetRequiredService<BulkheadRegistry>());
        Assert.Single(services, d => d.ServiceType == typeof(BulkheadRegistry));
    }
}
