using Mediator;

namespace AotConsole;

/// <summary>Around every request: open generic, closed by the generator for each request at compile time.</summary>
[Middleware(Order = 1)]
public sealed class RequestLog<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, INext<TRequest, TResponse>
    {
        Console.WriteLine($"request: before {typeof(TRequest).Name}");
        var response = await next.InvokeAsync(request, context);
        Console.WriteLine($"request: after {typeof(TRequest).Name}");
        return response;
    }
}

/// <summary>Publish side: once per Publish, before the fan-out.</summary>
[Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
public sealed class PublishLog<TNotification> : INotificationMiddleware<TNotification>
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
    {
        Console.WriteLine($"publish: {typeof(TNotification).Name}");
        await next.InvokeAsync(notification, context);
    }
}

/// <summary>Handler side: around each notification handler.</summary>
[Middleware(Order = 2)]
public sealed class HandlerLog<TNotification> : INotificationMiddleware<TNotification>
{
    public async ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
        where TNext : struct, INotificationNext<TNotification>
    {
        Console.WriteLine($"around handler: {typeof(TNotification).Name}");
        await next.InvokeAsync(notification, context);
    }
}

/// <summary>Around a stream: counts the items as they pass.</summary>
[Middleware(Order = 1)]
public sealed class CountItems<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
{
    public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
        where TNext : struct, IStreamNext<TRequest, TItem>
    {
        var count = 0;
        await foreach (var item in next.InvokeAsync(request, context))
        {
            count++;
            yield return item;
        }

        Console.WriteLine($"stream: {count} item(s)");
    }
}
