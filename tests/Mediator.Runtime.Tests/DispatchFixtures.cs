using System.Runtime.CompilerServices;
using Mediator;

namespace RuntimeTests;

// ---- cancellation ----
public sealed record TokenProbe : IRequest<CancellationToken>, ITraced;

public sealed record WaitForever : IRequest<int>, ITraced;

[Handler]
public sealed class CancellationHandlers : IRequestHandler<TokenProbe, CancellationToken>, IRequestHandler<WaitForever, int>
{
    public ValueTask<CancellationToken> Handle(TokenProbe request, CancellationToken cancellationToken) => new(cancellationToken);

    public async ValueTask<int> Handle(WaitForever request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }
}

// ---- exceptions ----
public sealed class CustomFailure(string message) : Exception(message);

public sealed record Explode(bool Asynchronously) : IRequest<int>, ITraced;

[Handler]
public sealed class ExplodeHandler : IRequestHandler<Explode, int>
{
    public async ValueTask<int> Handle(Explode request, CancellationToken cancellationToken)
    {
        if (request.Asynchronously)
        {
            await Task.Yield();
        }

        ThrowFromHandler();
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFromHandler() => throw new CustomFailure("boom from the handler");
}

// ---- lifetimes ----
public sealed record WhoAmI : IRequest<Guid>;

public sealed record WhoAmIScoped : IRequest<Guid>;

public sealed record WhoAmITransient : IRequest<Guid>;

[Handler]
public sealed class SingletonIdentity : IRequestHandler<WhoAmI, Guid>
{
    private readonly Guid _id = Guid.NewGuid();

    public ValueTask<Guid> Handle(WhoAmI request, CancellationToken cancellationToken) => new(_id);
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class ScopedIdentity : IRequestHandler<WhoAmIScoped, Guid>
{
    private readonly Guid _id = Guid.NewGuid();

    public ValueTask<Guid> Handle(WhoAmIScoped request, CancellationToken cancellationToken) => new(_id);
}

[Handler(Lifetime = ComponentLifetime.Transient)]
public sealed class TransientIdentity : IRequestHandler<WhoAmITransient, Guid>
{
    private readonly Guid _id = Guid.NewGuid();

    public ValueTask<Guid> Handle(WhoAmITransient request, CancellationToken cancellationToken) => new(_id);
}

// ---- generic path ----
public class BaseQuery : IRequest<string>
{
}

/// <summary>No handler of its own: the generic path routes it to <see cref="BaseQuery"/>'s pipeline.</summary>
public sealed class DerivedQuery : BaseQuery
{
}

[Handler]
public sealed class BaseQueryHandler : IRequestHandler<BaseQuery, string>
{
    public ValueTask<string> Handle(BaseQuery request, CancellationToken cancellationToken) => new("handled " + request.GetType().Name);
}

public readonly record struct StructQuery(int Value) : IRequest<int>;

[Handler]
public sealed class StructQueryHandler : IRequestHandler<StructQuery, int>
{
    public ValueTask<int> Handle(StructQuery request, CancellationToken cancellationToken) => new(request.Value * 2);
}

// A request nobody handles: MED0001 is an error, suppressed here on purpose. This project only builds if
// #pragma suppression works for generator diagnostics.
#pragma warning disable MED0001
public sealed record Unhandled : IRequest<int>;
#pragma warning restore MED0001

// ---- items bag ----
public interface IUsesItems
{
}

public sealed record ItemsProbe : IRequest<string>, IUsesItems;

[Handler]
public sealed class ItemsProbeHandler : IRequestHandler<ItemsProbe, string>
{
    public ValueTask<string> Handle(ItemsProbe request, CancellationToken cancellationToken) => new("ok");
}

[Middleware(Order = 1)]
public sealed class ItemsOwner<TRequest, TResponse>(Recorder recorder) : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IUsesItems
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        context = context.WithItems();
        context.Items["owner"] = "set by the outer layer";
        var response = await next.InvokeAsync(request, context);
        recorder.Add("owner read: " + (context.TryGetItem<string>("inner", out var inner) ? inner : "<nothing>"));
        return response;
    }
}

[Middleware(Order = 2)]
public sealed class ItemsUser<TRequest, TResponse>(Recorder recorder) : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IUsesItems
{
    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        recorder.Add("user read: " + context.Items["owner"] + "; message type " + context.MessageType.Name);
        context.Items["inner"] = "set by the inner layer";
        return next.InvokeAsync(request, context);
    }
}

// ---- allocation: five async no-op layers ----
public interface IFiveLayers
{
}

public sealed record Five(int Value) : IRequest<int>, IFiveLayers;

public sealed record FiveVoid : IRequest, IFiveLayers;

[Handler]
public sealed class FiveHandler : IRequestHandler<Five, int>, IRequestHandler<FiveVoid>
{
    public ValueTask<int> Handle(Five request, CancellationToken cancellationToken) => new(request.Value);

    public ValueTask Handle(FiveVoid request, CancellationToken cancellationToken) => default;
}

public abstract class NoOpLayer<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
        => await next.InvokeAsync(request, context);
}

[Middleware(Order = 1)]
public sealed class Layer1<TRequest, TResponse> : NoOpLayer<TRequest, TResponse> where TRequest : IFiveLayers;

[Middleware(Order = 2)]
public sealed class Layer2<TRequest, TResponse> : NoOpLayer<TRequest, TResponse> where TRequest : IFiveLayers;

[Middleware(Order = 3)]
public sealed class Layer3<TRequest, TResponse> : NoOpLayer<TRequest, TResponse> where TRequest : IFiveLayers;

[Middleware(Order = 4)]
public sealed class Layer4<TRequest, TResponse> : NoOpLayer<TRequest, TResponse> where TRequest : IFiveLayers;

[Middleware(Order = 5)]
public sealed class Layer5<TRequest, TResponse> : NoOpLayer<TRequest, TResponse> where TRequest : IFiveLayers;
