using LoadHarness;
using Microsoft.Extensions.DependencyInjection;

namespace ScopedBenchmarks;

/// <summary>
/// Where the bytes of one scoped Send go, step by step (GC.GetAllocatedBytesForCurrentThread around each step, after a
/// warm-up so that nothing is first-use): creating the scope, resolving the sender, the first Send in the scope (which
/// builds the scoped components), a second Send in the same scope, disposing the scope. Not a timing: a profile.
/// dotnet run -c Release --project benchmarks/Mediator.Benchmarks.Scoped -- --alloc
/// </summary>
public static class AllocationProfile
{
    // Created once, so that no row counts its message.
    private static readonly HandScopedPing HandPing = new();
    private static readonly ScopedPing Ping = new();
    private static readonly MrScopedPing MrPing = new();

    public static int Run()
    {
        using var provider = ScopedContainer.Build();
        Profile("hand-written (plain classes)", provider, (scope, _) => Await(HandWrittenScoped.Send(scope, HandPing)), resolveSender: null);
        Profile("our components by hand", provider, (scope, _) => Await(OurComponentsByHand.Send(scope, Ping)), resolveSender: null);
        Profile("ours (ISender)", provider, (scope, sender) => Await(((global::Mediator.ISender)sender!).Send(Ping)),
            scope => scope.GetRequiredService<global::Mediator.ISender>());
        Profile("ours (generated Mediator)", provider, (scope, sender) => Await(((Mediator)sender!).Send(Ping)),
            scope => scope.GetRequiredService<Mediator>());
        Profile("MediatR 5.1.0", provider, (scope, sender) => ((global::MediatR.IMediator)sender!).Send(MrPing).GetAwaiter().GetResult(),
            scope => scope.GetRequiredService<global::MediatR.IMediator>());

        // The same hand-written Send in a container with one more scoped service, resolved in each scope before the
        // Send: what a fourth scoped instance costs the scope (its resolved-services dictionary grows past three).
        using var withFourth = new ServiceCollection().AddHandWrittenScoped().AddScoped<FourthScopedService>().BuildServiceProvider();
        Profile("hand-written + 4th scoped", withFourth, (scope, _) => Await(HandWrittenScoped.Send(scope, HandPing)),
            scope => scope.GetRequiredService<FourthScopedService>());
        return 0;
    }

    /// <summary>Stands for any fourth scoped instance in a scope: a DbContext, the current user, or our scoped pipeline.</summary>
    private sealed class FourthScopedService
    {
    }

    private static int Await(ValueTask<int> task) => task.GetAwaiter().GetResult();

    private static void Profile(string name, ServiceProvider provider, Func<IServiceProvider, object?, int> send, Func<IServiceProvider, object>? resolveSender)
    {
        for (var i = 0; i < 1000; i++)
        {
            using var warm = provider.CreateScope();
            send(warm.ServiceProvider, resolveSender?.Invoke(warm.ServiceProvider));
            send(warm.ServiceProvider, resolveSender?.Invoke(warm.ServiceProvider));
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        var scope = provider.CreateScope();
        long created = GC.GetAllocatedBytesForCurrentThread();
        var sender = resolveSender?.Invoke(scope.ServiceProvider);
        long resolved = GC.GetAllocatedBytesForCurrentThread();
        send(scope.ServiceProvider, sender);
        long first = GC.GetAllocatedBytesForCurrentThread();
        var sender2 = resolveSender?.Invoke(scope.ServiceProvider);
        long resolved2 = GC.GetAllocatedBytesForCurrentThread();
        send(scope.ServiceProvider, sender2);
        long second = GC.GetAllocatedBytesForCurrentThread();
        scope.Dispose();
        long disposed = GC.GetAllocatedBytesForCurrentThread();
        Console.WriteLine($"{name,-28} scope {created - before,4} B | resolve {resolved - created,3} B | first Send {first - resolved,4} B | resolve again {resolved2 - first,3} B | second Send {second - resolved2,4} B | dispose {disposed - second,3} B | per operation {disposed - before - (second - first),4} B");
    }
}
