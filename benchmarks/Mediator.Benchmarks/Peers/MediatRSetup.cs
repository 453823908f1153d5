using Microsoft.Extensions.DependencyInjection;

namespace MediatorBenchmarks;

// MediatR 5.1.0 (the only version the package mirror serves), wired to Microsoft.Extensions.DependencyInjection by hand
// as its DI extension package would: a ServiceFactory, the handler and five open-generic behaviors, all singletons.

public sealed class MrPing5 : global::MediatR.IRequest<int>
{
}

public sealed class MrPing5Handler : global::MediatR.IRequestHandler<MrPing5, int>
{
    // A cached task: the handler itself allocates nothing, as ours does not.
    private static readonly Task<int> Answer = Task.FromResult(42);

    public Task<int> Handle(MrPing5 request, CancellationToken cancellationToken) => Answer;
}

public abstract class MrNoOp<TRequest, TResponse> : global::MediatR.IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, global::MediatR.RequestHandlerDelegate<TResponse> next)
        => await next();
}

public sealed class MrNoOp1<TRequest, TResponse> : MrNoOp<TRequest, TResponse>;

public sealed class MrNoOp2<TRequest, TResponse> : MrNoOp<TRequest, TResponse>;

public sealed class MrNoOp3<TRequest, TResponse> : MrNoOp<TRequest, TResponse>;

public sealed class MrNoOp4<TRequest, TResponse> : MrNoOp<TRequest, TResponse>;

public sealed class MrNoOp5<TRequest, TResponse> : MrNoOp<TRequest, TResponse>;

public static class MediatRSetup
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<global::MediatR.ServiceFactory>(provider => provider.GetService!);
        services.AddSingleton<global::MediatR.IMediator, global::MediatR.Mediator>();
        services.AddSingleton<global::MediatR.IRequestHandler<MrPing5, int>, MrPing5Handler>();
        services.AddSingleton(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrNoOp1<,>));
        services.AddSingleton(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrNoOp2<,>));
        services.AddSingleton(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrNoOp3<,>));
        services.AddSingleton(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrNoOp4<,>));
        services.AddSingleton(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrNoOp5<,>));
        return services.BuildServiceProvider();
    }
}
