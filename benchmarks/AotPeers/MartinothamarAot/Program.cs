using System.Diagnostics;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

// samples/AotConsole on martinothamar/Mediator 3.0.2: the same messages, handlers and printed lines. Its request and
// stream middleware are pipeline behaviors; it has no notification middleware, so a custom notification publisher
// logs once per Publish and around each handler, which prints what AotConsole's two notification middlewares print.
var started = Stopwatch.GetTimestamp();
var services = new ServiceCollection();
services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Singleton;
    options.NotificationPublisherType = typeof(LoggingPublisher);
    options.PipelineBehaviors = [typeof(RequestLog<,>)];
    options.StreamPipelineBehaviors = [typeof(CountItems<,>)];
});
await using var provider = services.BuildServiceProvider();
var mediator = provider.GetRequiredService<IMediator>();
var answer = await mediator.Send(new Ping("aot"));
var firstSend = Stopwatch.GetElapsedTime(started);
Console.WriteLine($"answer: {answer}");

ISender sender = mediator;
Console.WriteLine($"answer: {await sender.Send(new Ping("interface"))}");

await mediator.Publish(new OrderShipped(7));

await foreach (var item in mediator.CreateStream(new Countdown(3)))
{
    Console.WriteLine($"item: {item}");
}

Console.Error.WriteLine($"first-send-us: {firstSend.TotalMicroseconds:F0}");

public sealed record Ping(string Text) : IRequest<string>;

public sealed record OrderShipped(int Id) : INotification;

public sealed record Countdown(int From) : IStreamRequest<int>;

public sealed class PingHandler : IRequestHandler<Ping, string>
{
    public ValueTask<string> Handle(Ping request, CancellationToken cancellationToken) => new("pong " + request.Text);
}

public sealed class EmailOnShipped : INotificationHandler<OrderShipped>
{
    public ValueTask Handle(OrderShipped notification, CancellationToken cancellationToken)
    {
        Console.WriteLine($"email: order {notification.Id}");
        return default;
    }
}

public sealed class InvoiceOnShipped : INotificationHandler<OrderShipped>
{
    public ValueTask Handle(OrderShipped notification, CancellationToken cancellationToken)
    {
        Console.WriteLine($"invoice: order {notification.Id}");
        return default;
    }
}

public sealed class CountdownHandler : IStreamRequestHandler<Countdown, int>
{
    public async IAsyncEnumerable<int> Handle(Countdown request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = request.From; i > 0; i--)
        {
            await Task.Yield();
            yield return i;
        }
    }
}

public sealed class RequestLog<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Console.WriteLine($"request: before {typeof(TMessage).Name}");
        var response = await next(message, cancellationToken);
        Console.WriteLine($"request: after {typeof(TMessage).Name}");
        return response;
    }
}

public sealed class CountItems<TMessage, TResponse> : IStreamPipelineBehavior<TMessage, TResponse>
    where TMessage : IStreamMessage
{
    public async IAsyncEnumerable<TResponse> Handle(TMessage message, StreamHandlerDelegate<TMessage, TResponse> next, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var item in next(message, cancellationToken))
        {
            count++;
            yield return item;
        }

        Console.WriteLine($"stream: {count} item(s)");
    }
}

public sealed class LoggingPublisher : INotificationPublisher
{
    public async ValueTask Publish<TNotification>(NotificationHandlers<TNotification> handlers, TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        Console.WriteLine($"publish: {typeof(TNotification).Name}");
        foreach (var handler in handlers)
        {
            Console.WriteLine($"around handler: {typeof(TNotification).Name}");
            await handler.Handle(notification, cancellationToken);
        }
    }
}
