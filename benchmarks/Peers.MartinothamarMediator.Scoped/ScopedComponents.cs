using LoadHarness;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace PeerMediator3Scoped;

public sealed class ScopedPing : IRequest<int>
{
}

public sealed class ScopedPingHandler : IRequestHandler<ScopedPing, int>
{
    public ValueTask<int> Handle(ScopedPing request, CancellationToken cancellationToken) => new(42);
}

// The same trivial work as ours and MediatR's: count (per-scope state), then await the next step.

public sealed class Counting1<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public int Calls;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Calls++;
        return await next(message, cancellationToken);
    }
}

public sealed class Counting2<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public int Calls;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Calls++;
        return await next(message, cancellationToken);
    }
}

/// <summary>
/// The one <c>AddMediator</c> call of this project, read by martinothamar/Mediator's generator at compile time:
/// everything scoped (mediator, handler, behaviors), in the same container as the plain hand-written components.
/// </summary>
public static class ScopedPeerSetup
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddMediator(options =>
        {
            options.Namespace = "PeerMediator3Scoped.Generated";
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors = [typeof(Counting1<,>), typeof(Counting2<,>)];
        });
        services.AddHandWrittenScoped();
        return services.BuildServiceProvider();
    }
}
