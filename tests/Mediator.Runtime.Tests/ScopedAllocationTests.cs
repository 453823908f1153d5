using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>
/// A pipeline with a scoped component is built by the mediator on each dispatch from the scope's components; it is not
/// a service. So a scope holds nothing of the mediator's but the components (a scoped pipeline service was one more
/// instance in every scope, and grew the scope's storage), and building the pipeline allocates nothing. Measured with
/// the thread's allocation counter, not with timing.
/// </summary>
public sealed class ScopedAllocationTests
{
    private const int Iterations = 1_000;

    [Fact]
    public void A_Send_in_a_new_scope_allocates_what_resolving_its_components_by_hand_allocates()
    {
        using var host = TestHost.Create(validateScopes: true);
        var request = new ScopedCount();

        // Both sides create a scope, resolve the mediator and dispose the scope; one sends, the other only resolves the
        // handler and the two middlewares from the scope, which is all a Send should add.
        var sent = Measure(() =>
        {
            using var scope = host.Provider.CreateScope();
            var task = scope.ServiceProvider.GetRequiredService<Mediator>().Send(request);
            return task.IsCompletedSuccessfully ? task.Result : throw new InvalidOperationException("expected synchronous completion");
        });
        var byHand = Measure(() =>
        {
            using var scope = host.Provider.CreateScope();
            GC.KeepAlive(scope.ServiceProvider.GetRequiredService<Mediator>());
            GC.KeepAlive(scope.ServiceProvider.GetRequiredService<ScopedCountingOuter<ScopedCount, int>>());
            GC.KeepAlive(scope.ServiceProvider.GetRequiredService<ScopedCountingInner<ScopedCount, int>>());
            return scope.ServiceProvider.GetRequiredService<ScopedCountHandler>().Calls + 1;
        });

        Assert.True(byHand > 0, "creating a scope and its components should allocate");
        Assert.Equal(byHand / Iterations, sent / Iterations);
    }

    [Fact]
    public void A_Send_through_scoped_components_in_an_open_scope_allocates_nothing()
    {
        using var host = TestHost.Create(validateScopes: true);
        using var scope = host.Provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<Mediator>();
        IMediator viaInterface = mediator;
        var request = new ScopedCount();

        var allocated = Measure(() =>
        {
            var typed = mediator.Send(request);
            var generic = viaInterface.Send(request);
            return typed.IsCompletedSuccessfully && generic.IsCompletedSuccessfully ? typed.Result + generic.Result : throw new InvalidOperationException("expected synchronous completion");
        });

        Assert.Equal(0, allocated);
        // The same scoped instances served every Send of the scope (two per iteration, warm-up included).
        Assert.Equal(4 * Iterations, scope.ServiceProvider.GetRequiredService<ScopedCountingOuter<ScopedCount, int>>().Calls);
        Assert.Equal(4 * Iterations, scope.ServiceProvider.GetRequiredService<ScopedCountHandler>().Calls);
    }

    [Fact]
    public void Only_pipelines_whose_components_are_all_singletons_are_registered()
    {
        var services = new ServiceCollection().AddMediator();
        var pipelines = services.Where(d => d.ServiceType.DeclaringType == typeof(Mediator) && d.ServiceType.Name.EndsWith("Pipeline", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(pipelines);
        Assert.All(pipelines, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.DoesNotContain(pipelines, d => d.ServiceType.Name == "ScopedCountPipeline");
        // Its components are registered with their own lifetimes, so the container (and ValidateOnBuild) still sees them.
        Assert.Contains(services, d => d.ServiceType == typeof(ScopedCountHandler) && d.Lifetime == ServiceLifetime.Scoped);
        Assert.Contains(services, d => d.ServiceType == typeof(ScopedCountingOuter<ScopedCount, int>) && d.Lifetime == ServiceLifetime.Scoped);
    }

    private static long Measure(Func<int> dispatch)
    {
        var sink = 0;
        for (var i = 0; i < Iterations; i++)
        {
            sink += dispatch();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            sink += dispatch();
        }

        var after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(sink);
        return after - before;
    }
}
