using System.Runtime.CompilerServices;
using Mediator;

namespace AotConsole;

[Handler]
public sealed class PingHandler : IRequestHandler<Ping, string>
{
    public ValueTask<string> Handle(Ping request, CancellationToken cancellationToken)
        => new("pong " + request.Text);
}

[Handler]
public sealed class EmailOnShipped : INotificationHandler<OrderShipped>
{
    public ValueTask Handle(OrderShipped notification, CancellationToken cancellationToken)
    {
        Console.WriteLine($"email: order {notification.Id}");
        return default;
    }
}

[Handler]
public sealed class InvoiceOnShipped : INotificationHandler<OrderShipped>
{
    public ValueTask Handle(OrderShipped notification, CancellationToken cancellationToken)
    {
        Console.WriteLine($"invoice: order {notification.Id}");
        return default;
    }
}

[Handler]
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
