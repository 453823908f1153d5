using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Mediator;

namespace App.Catalog;

public interface IHasKey<TKey>
{
    TKey Key { get; }
}

public interface ICached { }

[MiddlewareGroup]
public interface ICatalogMessage { }

public sealed record Product(string Name, decimal Price);

public sealed record FindProduct(int Key) : IRequest<Product>, IHasKey<int>, ICatalogMessage, ICached;

public sealed record FindByCode(string Key) : IRequest<Product>, IHasKey<string>;

public sealed record CountProducts : IRequest<int>, ICatalogMessage;

/// <summary>A generic message, closed below over a named tuple key; it answers a tuple with an array in it.</summary>
public sealed record Lookup<TKey>(TKey Key) : IRequest<(int Found, string[] Names)>, IHasKey<TKey>, ICatalogMessage;

public sealed class Calls
{
    public List<string> Lines { get; } = new();
}

[Handler]
public sealed class CatalogHandler
    : IRequestHandler<FindProduct, Product>,
      IRequestHandler<FindByCode, Product>,
      IRequestHandler<CountProducts, int>,
      IRequestHandler<Lookup<(string Code, int Shop)>, (int Found, string[] Names)>
{
    private readonly Calls _calls;

    public CatalogHandler(Calls calls) => _calls = calls;

    public ValueTask<Product> Handle(FindProduct request, CancellationToken cancellationToken)
    {
        _calls.Lines.Add("find " + request.Key);
        return new(new Product("p" + request.Key, 1m));
    }

    public ValueTask<Product> Handle(FindByCode request, CancellationToken cancellationToken)
    {
        _calls.Lines.Add("code " + request.Key);
        return new(new Product(request.Key, 2m));
    }

    public ValueTask<int> Handle(CountProducts request, CancellationToken cancellationToken) => new(42);

    public ValueTask<(int Found, string[] Names)> Handle(Lookup<(string Code, int Shop)> request, CancellationToken cancellationToken)
    {
        _calls.Lines.Add("lookup " + request.Key.Code + "@" + request.Key.Shop);
        return new((1, new[] { request.Key.Code }));
    }
}

/// <summary>Keyed messages only; reads the key's type off the message.</summary>
[Middleware(Order = 20)]
public sealed class KeyLog<TRequest, TResponse, TKey> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IHasKey<TKey>
    where TResponse : class
{
    private readonly Calls _calls;

    public KeyLog(Calls calls) => _calls = calls;

    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        _calls.Lines.Add("key " + typeof(TKey).Name + " " + request.Key);
        return next.InvokeAsync(request, context);
    }
}

/// <summary>Group middleware: wraps every catalog message, outside the message-level ones.</summary>
[Middleware(Order = 1)]
public sealed class CatalogScope<TMessage, TResult> : IMiddleware<TMessage, TResult>
    where TMessage : ICatalogMessage
{
    private readonly Calls _calls;

    public CatalogScope(Calls calls) => _calls = calls;

    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        _calls.Lines.Add("scope in");
        var result = await next.InvokeAsync(message, context);
        _calls.Lines.Add("scope out");
        return result;
    }
}

[Middleware(Order = 20)]
[RunsBefore(typeof(KeyLog<,,>))]
public sealed class Cache<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : ICached, IRequest<TResponse>
{
    private readonly Calls _calls;

    public Cache(Calls calls) => _calls = calls;

    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        _calls.Lines.Add("cache");
        return next.InvokeAsync(request, context);
    }
}
