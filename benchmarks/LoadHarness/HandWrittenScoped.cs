using Microsoft.Extensions.DependencyInjection;

namespace LoadHarness;

// The scoped benchmarks' common anchor: a handler and two layers as plain classes (no mediator library's interface),
// registered scoped, resolved from the scope and called nested by hand. The same source file is linked into
// benchmarks/Mediator.Benchmarks.Scoped and benchmarks/Peers.MartinothamarMediator.Scoped, which run in separate
// processes (martinothamar/Mediator's assembly names collide with ours), so each report has the same baseline row and
// ratios can be compared across the two reports.

public sealed class HandScopedPing
{
}

/// <summary>The same trivial work as every library's middleware in these benchmarks: count, then await the next step.</summary>
public sealed class HandScopedLayer1
{
    public int Calls;

    public async ValueTask<int> InvokeAsync(HandScopedPing request, HandScopedLayer2 next, HandScopedHandler handler, CancellationToken cancellationToken)
    {
        Calls++;
        return await next.InvokeAsync(request, handler, cancellationToken);
    }
}

public sealed class HandScopedLayer2
{
    public int Calls;

    public async ValueTask<int> InvokeAsync(HandScopedPing request, HandScopedHandler handler, CancellationToken cancellationToken)
    {
        Calls++;
        return await handler.Handle(request, cancellationToken);
    }
}

public sealed class HandScopedHandler
{
    public ValueTask<int> Handle(HandScopedPing request, CancellationToken cancellationToken) => new(42);
}

public static class HandWrittenScoped
{
    /// <summary>Registers the three components scoped, beside whatever the mediator under test registers.</summary>
    public static IServiceCollection AddHandWrittenScoped(this IServiceCollection services)
        => services.AddScoped<HandScopedLayer1>().AddScoped<HandScopedLayer2>().AddScoped<HandScopedHandler>();

    /// <summary>Resolves the three components from <paramref name="scope"/> and calls them nested, outermost first.</summary>
    public static ValueTask<int> Send(IServiceProvider scope, HandScopedPing request, CancellationToken cancellationToken = default)
    {
        var layer1 = scope.GetRequiredService<HandScopedLayer1>();
        var layer2 = scope.GetRequiredService<HandScopedLayer2>();
        var handler = scope.GetRequiredService<HandScopedHandler>();
        return layer1.InvokeAsync(request, layer2, handler, cancellationToken);
    }
}
