using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

/// <summary>
/// Publish to three handlers that complete synchronously, no middleware, under each strategy (issue 19, item 3): the
/// default sequential fan-out, concurrent, stop-on-first-failure, sequential with the original-exception failure mode,
/// a strategy of the user's (a loop over <c>INotificationHandlers</c> that stays synchronous while the handlers do), and
/// fire-and-forget, where what is measured is the caller's cost (queueing the publish on the thread pool), not the
/// handlers', which run on the pool afterwards.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 6, iterationCount: 20)]
public class PublishStrategyBenchmarks
{
    private readonly StrategySequential _sequential = new();
    private readonly StrategyConcurrent _concurrent = new();
    private readonly StrategyStopOnFirst _stopOnFirst = new();
    private readonly StrategyOriginal _original = new();
    private readonly StrategyCustom _custom = new();
    private readonly StrategyFireAndForget _fireAndForget = new();
    private ServiceProvider _provider = null!;
    private Mediator _mediator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        _mediator = _provider.GetRequiredService<Mediator>();
    }

    [GlobalCleanup]
    public void Cleanup() => _provider.Dispose();

    [Benchmark(Baseline = true)]
    public async ValueTask Sequential() => await _mediator.Publish(_sequential);

    [Benchmark]
    public async ValueTask Concurrent() => await _mediator.Publish(_concurrent);

    [Benchmark]
    public async ValueTask StopOnFirstFailure() => await _mediator.Publish(_stopOnFirst);

    [Benchmark]
    public async ValueTask SequentialOriginal() => await _mediator.Publish(_original);

    [Benchmark]
    public async ValueTask Custom() => await _mediator.Publish(_custom);

    [Benchmark]
    public async ValueTask FireAndForget() => await _mediator.Publish(_fireAndForget);
}

public sealed class StrategySequential : INotification
{
}

[PublishStrategy(PublishStrategy.Concurrent)]
public sealed class StrategyConcurrent : INotification
{
}

[PublishStrategy(PublishStrategy.StopOnFirstFailure)]
public sealed class StrategyStopOnFirst : INotification
{
}

[PublishFailures(PublishFailures.Original)]
public sealed class StrategyOriginal : INotification
{
}

[PublishStrategy(typeof(LoopStrategy))]
public sealed class StrategyCustom : INotification
{
}

[PublishStrategy(PublishStrategy.FireAndForget)]
public sealed class StrategyFireAndForget : INotification
{
}

/// <summary>A user's strategy as one would write it: handlers in order, without a state machine while they complete synchronously.</summary>
public sealed class LoopStrategy : IPublishStrategy
{
    public ValueTask PublishAsync<TNotification, THandlers>(TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>
    {
        for (var i = 0; i < handlers.Count; i++)
        {
            var task = handlers.InvokeAsync(i, notification, context);
            if (!task.IsCompletedSuccessfully)
            {
                return Rest(task, i + 1, notification, handlers, context);
            }

            task.GetAwaiter().GetResult();
        }

        return default;
    }

    private static async ValueTask Rest<TNotification, THandlers>(ValueTask pending, int next, TNotification notification, THandlers handlers, MessageContext context)
        where THandlers : struct, INotificationHandlers<TNotification>
    {
        await pending;
        for (var i = next; i < handlers.Count; i++)
        {
            await handlers.InvokeAsync(i, notification, context);
        }
    }
}

// Three handlers, each handling every strategy's notification, so that only the fan-out differs between benchmarks.

[Handler]
public sealed class StrategyHandlerA :
    INotificationHandler<StrategySequential>, INotificationHandler<StrategyConcurrent>, INotificationHandler<StrategyStopOnFirst>,
    INotificationHandler<StrategyOriginal>, INotificationHandler<StrategyCustom>, INotificationHandler<StrategyFireAndForget>
{
    public ValueTask Handle(StrategySequential notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyConcurrent notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyStopOnFirst notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyOriginal notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyCustom notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyFireAndForget notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class StrategyHandlerB :
    INotificationHandler<StrategySequential>, INotificationHandler<StrategyConcurrent>, INotificationHandler<StrategyStopOnFirst>,
    INotificationHandler<StrategyOriginal>, INotificationHandler<StrategyCustom>, INotificationHandler<StrategyFireAndForget>
{
    public ValueTask Handle(StrategySequential notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyConcurrent notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyStopOnFirst notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyOriginal notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyCustom notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyFireAndForget notification, CancellationToken cancellationToken) => default;
}

[Handler]
public sealed class StrategyHandlerC :
    INotificationHandler<StrategySequential>, INotificationHandler<StrategyConcurrent>, INotificationHandler<StrategyStopOnFirst>,
    INotificationHandler<StrategyOriginal>, INotificationHandler<StrategyCustom>, INotificationHandler<StrategyFireAndForget>
{
    public ValueTask Handle(StrategySequential notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyConcurrent notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyStopOnFirst notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyOriginal notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyCustom notification, CancellationToken cancellationToken) => default;

    public ValueTask Handle(StrategyFireAndForget notification, CancellationToken cancellationToken) => default;
}
