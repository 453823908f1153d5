using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace LoadHarness.Ours;

// MediatR 5.1.0 (the only version the package mirror serves), wired to Microsoft.Extensions.DependencyInjection by hand
// as its DI package would: a ServiceFactory, one handler, and per request type the case's five behaviors, all singletons.

public sealed class MrHelloBaseline : IRequest<byte[]>;

public sealed class MrHelloNoOp1 : IRequest<byte[]>;

public sealed class MrHelloNoOp5 : IRequest<byte[]>;

public sealed class MrHelloBlocking5 : IRequest<byte[]>;

public sealed class MrHelloDelay10x5 : IRequest<byte[]>;

public sealed class MrHelloDelay100x5 : IRequest<byte[]>;

public sealed class MrHelloHandler :
    IRequestHandler<MrHelloBaseline, byte[]>,
    IRequestHandler<MrHelloNoOp1, byte[]>,
    IRequestHandler<MrHelloNoOp5, byte[]>,
    IRequestHandler<MrHelloBlocking5, byte[]>,
    IRequestHandler<MrHelloDelay10x5, byte[]>,
    IRequestHandler<MrHelloDelay100x5, byte[]>
{
    public Task<byte[]> Handle(MrHelloBaseline request, CancellationToken cancellationToken) => Task.FromResult(HelloWorldResponse.Serialize());

    public Task<byte[]> Handle(MrHelloNoOp1 request, CancellationToken cancellationToken) => Task.FromResult(HelloWorldResponse.Serialize());

    public Task<byte[]> Handle(MrHelloNoOp5 request, CancellationToken cancellationToken) => Task.FromResult(HelloWorldResponse.Serialize());

    public Task<byte[]> Handle(MrHelloBlocking5 request, CancellationToken cancellationToken) => Task.FromResult(HelloWorldResponse.Serialize());

    public Task<byte[]> Handle(MrHelloDelay10x5 request, CancellationToken cancellationToken) => Task.FromResult(HelloWorldResponse.Serialize());

    public Task<byte[]> Handle(MrHelloDelay100x5 request, CancellationToken cancellationToken) => Task.FromResult(HelloWorldResponse.Serialize());
}

public sealed class MrNoOp<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        => await next();
}

public sealed class MrBlocking<TRequest, TResponse>(int layer) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        BlockingWork.Write(layer);
        return await next();
    }
}

public sealed class MrDelay<TRequest, TResponse>(int milliseconds) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        await Task.Delay(milliseconds);
        return await next();
    }
}

public static class MediatRSetup
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ServiceFactory>(provider => provider.GetService!);
        services.AddSingleton<IMediator, MediatR.Mediator>();
        var handler = new MrHelloHandler();
        Handle<MrHelloBaseline>(services, handler);
        Handle<MrHelloNoOp1>(services, handler, new MrNoOp<MrHelloNoOp1, byte[]>());
        Handle<MrHelloNoOp5>(services, handler, Five(_ => new MrNoOp<MrHelloNoOp5, byte[]>()));
        Handle<MrHelloBlocking5>(services, handler, Five(layer => new MrBlocking<MrHelloBlocking5, byte[]>(layer)));
        Handle<MrHelloDelay10x5>(services, handler, Five(_ => new MrDelay<MrHelloDelay10x5, byte[]>(LoadCases.ShortDelayMs)));
        Handle<MrHelloDelay100x5>(services, handler, Five(_ => new MrDelay<MrHelloDelay100x5, byte[]>(LoadCases.LongDelayMs)));
        return services.BuildServiceProvider();
    }

    private static IPipelineBehavior<TRequest, byte[]>[] Five<TRequest>(Func<int, IPipelineBehavior<TRequest, byte[]>> create)
        => Enumerable.Range(1, 5).Select(create).ToArray();

    private static void Handle<TRequest>(IServiceCollection services, MrHelloHandler handler, params IPipelineBehavior<TRequest, byte[]>[] behaviors)
        where TRequest : IRequest<byte[]>
    {
        services.AddSingleton((IRequestHandler<TRequest, byte[]>)(object)handler);
        foreach (var behavior in behaviors)
        {
            services.AddSingleton(behavior);
        }
    }
}
