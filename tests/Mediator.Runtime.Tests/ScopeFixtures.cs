using System.Runtime.CompilerServices;
using Mediator;

namespace RuntimeTests;

/// <summary>A scoped service: one per dependency-injection scope, as a DbContext or the current user is.</summary>
public sealed class ScopeMarker : IAsyncDisposable
{
    public bool Disposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return default;
    }
}

/// <summary>What the scoped middleware and handler saw: themselves and their scope's marker.</summary>
public sealed class ScopeSightings
{
    public object? Middleware { get; set; }

    public ScopeMarker? MiddlewareMarker { get; set; }

    public object? SecondMiddleware { get; set; }

    public ScopeMarker? SecondMiddlewareMarker { get; set; }

    public object? Handler { get; set; }

    public ScopeMarker? HandlerMarker { get; set; }
}

public interface IScopeProbe
{
    ScopeSightings Sightings { get; }
}

public sealed record ScopedProbe : IRequest<ScopeSightings>, IScopeProbe
{
    public ScopeSightings Sightings { get; } = new();
}

public sealed record ScopedProbeEvent : INotification, IScopeProbe
{
    public ScopeSightings Sightings { get; } = new();
}

public sealed record ScopedProbeStream : IStreamRequest<ScopeMarker>, IScopeProbe
{
    public ScopeSightings Sightings { get; } = new();
}

/// <summary>A scoped middleware that takes a scoped service, as a transaction or current-user middleware does.</summary>
[Middleware(Lifetime = ComponentLifetime.Scoped, Order = 1)]
public sealed class ScopedProbeMiddleware<TMessage, TResult>(ScopeMarker marker) : IMiddleware<TMessage, TResult>, IStreamMiddleware<TMessage, TResult>
    where TMessage : IScopeProbe
{
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        message.Sightings.Middleware = this;
        message.Sightings.MiddlewareMarker = marker;
        // Yields so that the 64 concurrent scopes really interleave.
        await Task.Yield();
        return await next.InvokeAsync(message, context);
    }

    async IAsyncEnumerator<TResult> IStreamMiddleware<TMessage, TResult>.InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
    {
        message.Sightings.Middleware = this;
        message.Sightings.MiddlewareMarker = marker;
        await foreach (var item in next.InvokeAsync(message, context))
        {
            yield return item;
        }
    }
}

/// <summary>A second scoped middleware, inside the first.</summary>
[Middleware(Lifetime = ComponentLifetime.Scoped, Order = 2)]
public sealed class SecondScopedProbeMiddleware<TMessage, TResult>(ScopeMarker marker) : IMiddleware<TMessage, TResult>
    where TMessage : IScopeProbe
{
    public async ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
        where TNext : struct, INext<TMessage, TResult>
    {
        message.Sightings.SecondMiddleware = this;
        message.Sightings.SecondMiddlewareMarker = marker;
        await Task.Yield();
        return await next.InvokeAsync(message, context);
    }
}

[Handler(Lifetime = ComponentLifetime.Scoped)]
public sealed class ScopedProbeHandler(ScopeMarker marker)
    : IRequestHandler<ScopedProbe, ScopeSightings>, INotificationHandler<ScopedProbeEvent>, IStreamRequestHandler<ScopedProbeStream, ScopeMarker>
{
    public ValueTask<ScopeSightings> Handle(ScopedProbe request, CancellationToken cancellationToken)
    {
        request.Sightings.Handler = this;
        request.Sightings.HandlerMarker = marker;
        return new(request.Sightings);
    }

    public ValueTask Handle(ScopedProbeEvent notification, CancellationToken cancellationToken)
    {
        notification.Sightings.Handler = this;
        notification.Sightings.HandlerMarker = marker;
        return default;
    }

    public async IAsyncEnumerable<ScopeMarker> Handle(ScopedProbeStream request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        request.Sightings.Handler = this;
        request.Sightings.HandlerMarker = marker;
        await Task.Yield();
        yield return marker;
        yield return marker;
    }
}
