using Microsoft.Extensions.DependencyInjection;

namespace ScopedBenchmarks;

// MediatR 5.1.0 (the only version the package mirror serves), wired to Microsoft.Extensions.DependencyInjection by hand
// as its DI extension package would, with everything scoped: the ServiceFactory and the mediator (as that package
// registers them), the handler and two open-generic behaviors (scoped here, as ours and martinothamar's are).

public sealed class MrScopedPing : global::MediatR.IRequest<int>
{
}

public sealed class MrScopedPingHandler : global::MediatR.IRequestHandler<MrScopedPing, int>
{
    // A cached task: the handler itself allocates nothing, as ours does not.
    private static readonly Task<int> Answer = Task.FromResult(42);

    public Task<int> Handle(MrScopedPing request, CancellationToken cancellationToken) => Answer;
}

public sealed class MrCounting1<TRequest, TResponse> : global::MediatR.IPipelineBehavior<TRequest, TResponse>
{
    public int Calls;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, global::MediatR.RequestHandlerDelegate<TResponse> next)
    {
        Calls++;
        return await next();
    }
}

public sealed class MrCounting2<TRequest, TResponse> : global::MediatR.IPipelineBehavior<TRequest, TResponse>
{
    public int Calls;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, global::MediatR.RequestHandlerDelegate<TResponse> next)
    {
        Calls++;
        return await next();
    }
}

public static class MediatRScopedSetup
{
    public static IServiceCollection AddMediatRScoped(this IServiceCollection services)
    {
        services.AddScoped<global::MediatR.ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<global::MediatR.IMediator, global::MediatR.Mediator>();
        services.AddScoped<global::MediatR.IRequestHandler<MrScopedPing, int>, MrScopedPingHandler>();
        services.AddScoped(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrCounting1<,>));
        services.AddScoped(typeof(global::MediatR.IPipelineBehavior<,>), typeof(MrCounting2<,>));
        return services;
    }
}
