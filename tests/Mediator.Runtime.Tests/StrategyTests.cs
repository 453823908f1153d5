using System.Collections.Concurrent;
using Mediator;
using Mediator.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RuntimeTests;

/// <summary>
/// The publish strategies of issue 19: stop at the first failure, the original exception, a strategy of the user's and
/// fire-and-forget (never losing a failure, never running on a disposed scope).
/// </summary>
public sealed class StrategyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Stop_on_first_failure_stops_and_the_later_handlers_do_not_run(bool async)
    {
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new Halting(FailB: true, async)).AsTask());

        Assert.Equal(new[] { "A", "B" }, host.Recorder.Lines);
        var failure = Assert.Single(error.Failures);
        Assert.Equal(typeof(HaltingB), failure.HandlerType);
        Assert.IsType<HaltingFailure>(failure.Exception);

        using var again = TestHost.Create();
        await again.Mediator.Publish(new Halting(FailB: false, async));
        Assert.Equal(new[] { "A", "B", "C" }, again.Recorder.Lines);
    }

    [Fact]
    public async Task Stop_on_first_failure_with_the_original_exception_is_MediatR_s_foreach_await()
    {
        using var host = TestHost.Create();

        var error = await Assert.ThrowsAsync<HaltingFailure>(() => host.Mediator.Publish(new HaltingOriginal(FailB: true)).AsTask());

        Assert.Equal("B failed", error.Message);
        Assert.Equal(new[] { "A", "B" }, host.Recorder.Lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Original_mode_rethrows_the_one_failure_as_itself_with_its_stack(bool async)
    {
        using var host = TestHost.Create(configure: s => s.AddSingleton<ThrownProbe>());
        var probe = host.Provider.GetRequiredService<ThrownProbe>();

        var error = await Assert.ThrowsAsync<RethrownFailure>(() => host.Mediator.Publish(new Rethrown(Failing: 1, async)).AsTask());

        Assert.Same(Assert.Single(probe.Thrown), error);
        Assert.Contains(nameof(RethrownB) + ".FailHere", error.StackTrace, StringComparison.Ordinal);
        Assert.Equal(new[] { "A", "B", "C" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task Original_mode_with_two_failures_throws_both_together()
    {
        using var host = TestHost.Create(configure: s => s.AddSingleton<ThrownProbe>());

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new Rethrown(Failing: 2, Async: false)).AsTask());

        Assert.Equal(new[] { typeof(RethrownB), typeof(RethrownC) }, error.Failures.Select(f => f.HandlerType));
        Assert.Equal(new[] { "A", "B", "C" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task A_strategy_of_yours_sees_every_handler_in_order_and_runs_them_as_it_decides()
    {
        using var host = TestHost.Create(configure: s => s.AddSingleton<ReverseStrategy>());

        await host.Mediator.Publish(new Customised(Fail: false, Deliver: false));

        Assert.Equal(new[] { "strategy sees CustomisedFirst, CustomisedSecond, CustomisedThird", "third", "second", "first" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task A_strategy_of_yours_is_registered_by_AddMediator_and_gets_raw_exceptions_from_InvokeAsync()
    {
        using var host = TestHost.Create();

        Assert.NotNull(host.Provider.GetService<ReverseStrategy>());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Mediator.Publish(new Customised(Fail: true, Deliver: false)).AsTask());

        Assert.Equal("second failed", error.Message);
        Assert.Equal(new[] { "strategy sees CustomisedFirst, CustomisedSecond, CustomisedThird", "third", "second" }, host.Recorder.Lines);
    }

    [Fact]
    public async Task DeliverAsync_gives_a_strategy_the_built_in_outcomes_dead_letters_included()
    {
        var sink = new CountingDeadLetters();
        using var host = TestHost.Create(configure: s => s.AddSingleton<IDeadLetterSink>(sink));

        var error = await Assert.ThrowsAsync<PublishException>(() => host.Mediator.Publish(new Customised(Fail: true, Deliver: true, Drop: true)).AsTask());

        // Every handler ran (last to first); the drop is no failure; the failure reached the sink too.
        Assert.Equal(new[] { "strategy sees CustomisedFirst, CustomisedSecond, CustomisedThird", "third", "second", "first" }, host.Recorder.Lines);
        Assert.Equal(typeof(CustomisedSecond), Assert.Single(error.Failures).HandlerType);
        Assert.Equal(typeof(CustomisedSecond), Assert.Single(sink.Letters).HandlerType);
    }

    [Fact]
    public async Task A_strategy_of_yours_over_synchronous_handlers_allocates_nothing()
    {
        using var host = TestHost.Create();
        var notification = new Looped(1);
        await host.Mediator.Publish(notification);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            await host.Mediator.Publish(notification);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task Fire_and_forget_returns_before_the_handlers_run_and_never_on_a_disposed_scope()
    {
        var probe = new BackgroundProbe();
        var logged = new CapturingLoggerFactory();
        logged.Expect(1);
        using var host = TestHost.Create(validateScopes: true, configure: s => s.AddSingleton(probe).AddScoped<BackgroundResource>().AddSingleton<ILoggerFactory>(logged));
        BackgroundResource callerResource;
        var scope = host.Provider.CreateAsyncScope();
        await using (scope)
        {
            callerResource = scope.ServiceProvider.GetRequiredService<BackgroundResource>();
            var publish = scope.ServiceProvider.GetRequiredService<Mediator>().Publish(new BackgroundWork(1));

            // The handler is held at the gate: a Publish that waited for it could not have completed.
            Assert.True(publish.IsCompletedSuccessfully);
            Assert.Empty(probe.Sightings);
        }

        Assert.True(callerResource.Disposed);
        probe.ExpectCompletions(1);
        probe.Gate.SetResult();
        // Ends when the handler has run, or when the publish failed (a scope that could not be used is logged).
        await Task.WhenAny(probe.AllCompleted.Task, logged.Reached.Task);

        Assert.Empty(logged.Errors);
        var (resource, disposedWhileRunning) = Assert.Single(probe.Sightings);
        Assert.False(disposedWhileRunning);
        Assert.NotSame(callerResource, resource);
        await resource.DisposedSignal.Task; // the publish's own scope is disposed once it has ended
    }

    [Fact]
    public async Task Fire_and_forget_from_the_root_provider_needs_no_scope_of_the_caller()
    {
        var probe = new BackgroundProbe();
        var logged = new CapturingLoggerFactory();
        logged.Expect(1);
        using var host = TestHost.Create(validateScopes: true, configure: s => s.AddSingleton(probe).AddScoped<BackgroundResource>().AddSingleton<ILoggerFactory>(logged));
        probe.Gate.SetResult();
        probe.ExpectCompletions(1);

        await host.Mediator.Publish(new BackgroundWork(2));
        await Task.WhenAny(probe.AllCompleted.Task, logged.Reached.Task);

        Assert.Empty(logged.Errors);
        Assert.False(Assert.Single(probe.Sightings).DisposedWhileRunning);
    }

    [Fact]
    public async Task Fire_and_forget_never_loses_a_failure_under_concurrency_every_one_reaches_the_sink()
    {
        const int Publishes = 500;
        var sink = new CountingDeadLetters();
        var logged = new CapturingLoggerFactory();
        using var host = TestHost.Create(configure: s => s.AddSingleton<IDeadLetterSink>(sink).AddSingleton<ILoggerFactory>(logged).AddSingleton(new BackgroundProbe()));
        var probe = host.Provider.GetRequiredService<BackgroundProbe>();
        probe.ExpectCompletions(Publishes);

        await Task.WhenAll(Enumerable.Range(0, Publishes).Select(i => Task.Run(async () => await host.Mediator.Publish(new BackgroundFailing(i)))));
        // The failing handler runs first and its failure goes to the sink before the next handler starts: once every
        // publish's second handler has completed, every failure has been handed to the sink (or lost).
        await probe.AllCompleted.Task;

        Assert.Equal(Enumerable.Range(0, Publishes), sink.Letters.Select(l => ((BackgroundFailure)l.Exception).Id).Order());
        Assert.All(sink.Letters, l => Assert.Equal(typeof(BackgroundFailingBoom), l.HandlerType));
        // What the sink kept is not logged a second time.
        Assert.Empty(logged.Errors);
    }

    [Fact]
    public async Task Fire_and_forget_without_a_sink_logs_every_failure()
    {
        const int Publishes = 200;
        var logged = new CapturingLoggerFactory();
        using var host = TestHost.Create(configure: s => s.AddSingleton<ILoggerFactory>(logged).AddSingleton(new BackgroundProbe()));
        logged.Expect(Publishes);

        await Task.WhenAll(Enumerable.Range(0, Publishes).Select(i => Task.Run(async () => await host.Mediator.Publish(new BackgroundFailing(i)))));
        await logged.Reached.Task;

        Assert.Equal(Publishes, logged.Errors.Count);
        Assert.All(logged.Errors, e => Assert.Equal("Mediator.Publishing.FireAndForget", e.Category));
        var ids = logged.Errors.Select(e => ((BackgroundFailure)Assert.Single(Assert.IsType<PublishException>(e.Exception).Failures).Exception).Id);
        Assert.Equal(Enumerable.Range(0, Publishes), ids.Order());
    }

    /// <summary>An <see cref="ILoggerFactory"/> that keeps every error logged, with its category and exception.</summary>
    private sealed class CapturingLoggerFactory : ILoggerFactory
    {
        private int _target = int.MaxValue;

        public ConcurrentQueue<(string Category, Exception? Exception)> Errors { get; } = new();

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Expect(int count) => Volatile.Write(ref _target, count);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerFactory factory, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error)
                {
                    factory.Errors.Enqueue((category, exception));
                    if (factory.Errors.Count >= Volatile.Read(ref factory._target))
                    {
                        factory.Reached.TrySetResult();
                    }
                }
            }
        }
    }
}
