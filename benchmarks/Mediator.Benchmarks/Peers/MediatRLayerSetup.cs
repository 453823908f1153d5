using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

// MediatR 5.1.0 with 0, 1, 5 or 11 no-op behaviors around one handler: one container per layer count (MediatR applies
// every registered open-generic behavior to every request, so the count is chosen by what is registered).

public sealed class MrPing : global::MediatR.IRequest<int>
{
}

public sealed class MrPingHandler : global::MediatR.IRequestHandler<MrPing, int>
{
    private static readonly Task<int> Answer = Task.FromResult(42);

    public Task<int> Handle(MrPing request, CancellationToken cancellationToken) => Answer;
}

public static class MediatRLayerSetup
{
    public static ServiceProvider Build(int layers)
    {
        var services = new ServiceCollection();
        services.AddSingleton<global::MediatR.ServiceFactory>(provider => provider.GetService!);
        services.AddSingleton<global::MediatR.IMediator, global::MediatR.Mediator>();
        services.AddSingleton<global::MediatR.IRequestHandler<MrPing, int>, MrPingHandler>();
        for (var i = 0; i < layers; i++)
        {
            // One descriptor per layer: the container makes one singleton per descriptor, so these are distinct layers.
            services.AddSingleton(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrNoOp1<,>));
        }

        return services.BuildServiceProvider();
    }
}
