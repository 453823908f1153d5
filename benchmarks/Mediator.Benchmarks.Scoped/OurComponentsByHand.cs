using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ScopedBenchmarks;

/// <summary>
/// The second target: our own handler and middlewares, resolved from the scope as AddMediator() registered
/// them, and called nested by hand through hand-written INext structs, which is what the generated pipeline does
/// without the mediator, its pipeline object and the scope check in between.
/// </summary>
public static class OurComponentsByHand
{
    public static ValueTask<int> Send(IServiceProvider scope, ScopedPing request, CancellationToken cancellationToken = default)
    {
        var step1 = scope.GetRequiredService<Counting1<ScopedPing, int>>();
        var step2 = scope.GetRequiredService<Counting2<ScopedPing, int>>();
        var handler = scope.GetRequiredService<ScopedPingHandler>();
        return step1.InvokeAsync(request, new ToStep2(step2, handler), new MessageContext(typeof(ScopedPing), cancellationToken));
    }

    private readonly struct ToStep2(Counting2<ScopedPing, int> step2, ScopedPingHandler handler) : INext<ScopedPing, int>
    {
        public ValueTask<int> InvokeAsync(ScopedPing message, MessageContext context)
            => step2.InvokeAsync(message, new ToHandler(handler), context);
    }

    private readonly struct ToHandler(ScopedPingHandler handler) : INext<ScopedPing, int>
    {
        public ValueTask<int> InvokeAsync(ScopedPing message, MessageContext context)
            => handler.Handle(message, context.CancellationToken);
    }
}
