using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>Generated source for notifications, streams and the middleware hierarchy, compared with committed snapshots.</summary>
public sealed class PublishAndStreamSnapshotTests
{
    [Fact]
    public void Notifications_with_publish_side_group_and_message_middleware()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            [MiddlewareGroup]
            public interface IOrderEvent : INotification { }
            public sealed record OrderPlaced(int Id) : IOrderEvent;
            [PublishStrategy(PublishStrategy.Concurrent)]
            public sealed record OrderShipped(int Id) : IOrderEvent;
            public record struct Tick(int N) : INotification;

            [Handler]
            public sealed class Email : INotificationHandler<OrderPlaced>
            {
                public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
            }

            [Handler(Lifetime = ComponentLifetime.Scoped)]
            public sealed class Audit : INotificationHandler<IOrderEvent>, INotificationHandler<Tick>
            {
                public ValueTask Handle(IOrderEvent notification, CancellationToken cancellationToken) => default;
                public ValueTask Handle(Tick notification, CancellationToken cancellationToken) => default;
            }

            [Middleware(Order = 1, Direction = MiddlewareDirection.OnPublish)]
            public sealed class Measure<TNotification> : INotificationMiddleware<TNotification>
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => next.InvokeAsync(notification, context);
            }

            [Middleware(Order = 9)]
            public sealed class Log<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }

            [Middleware(Order = 0)]
            public sealed class OrderAudit<TMessage, TResult> : IMiddleware<TMessage, TResult>
                where TMessage : IOrderEvent
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }

            [Middleware(Order = -1)]
            public sealed class PlacedOnly : INotificationMiddleware<OrderPlaced>
            {
                ValueTask INotificationMiddleware<OrderPlaced>.InvokeAsync<TNext>(OrderPlaced notification, TNext next, MessageContext context)
                    => next.InvokeAsync(notification, context);
            }
            """);

        SnapshotTests.AssertClean(run);
        Snapshot.Verify(nameof(Notifications_with_publish_side_group_and_message_middleware), run);
    }

    [Fact]
    public void Streams_with_middleware_and_a_struct_request()
    {
        var run = GeneratorRun.For("""
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            namespace App;

            public sealed record CountTo(int N) : IStreamRequest<int>;
            public readonly record struct Letters(string Text) : IStreamRequest<char>;

            [Handler]
            public sealed class Streams : IStreamRequestHandler<CountTo, int>, IStreamRequestHandler<Letters, char>
            {
                public async IAsyncEnumerable<int> Handle(CountTo request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    for (var i = 1; i <= request.N; i++) { await Task.Yield(); yield return i; }
                }

                async IAsyncEnumerable<char> IStreamRequestHandler<Letters, char>.Handle(Letters request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    foreach (var c in request.Text) { await Task.Yield(); yield return c; }
                }
            }

            [Middleware(Order = 1)]
            public sealed class CountItems<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
            {
                public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, IStreamNext<TRequest, TItem>
                {
                    await foreach (var item in next.InvokeAsync(request, context)) yield return item;
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Snapshot.Verify(nameof(Streams_with_middleware_and_a_struct_request), run);
    }
}
