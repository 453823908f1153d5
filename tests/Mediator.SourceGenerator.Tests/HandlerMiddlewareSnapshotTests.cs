using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Generated source for middleware named by <c>[UseMiddleware]</c> on handlers: a notification handler's own steps and
/// fields beside a handler without any, a request and a stream handler. User and generated code are compiled at C# 8.
/// </summary>
public sealed class HandlerMiddlewareSnapshotTests
{
    internal const string Scenario = """
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        namespace App
        {
            public sealed class OrderPlaced : INotification { }
            public sealed class Ping : IRequest<int> { }
            public sealed class CountTo : IStreamRequest<int> { }

            [Handler]
            public sealed class Email : INotificationHandler<OrderPlaced>
            {
                public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
            }

            [Handler]
            [UseMiddleware(typeof(RetryOnce<,>))]
            [UseMiddleware(typeof(Timing<,>), Order = -1)]
            public sealed class ReserveStock : INotificationHandler<OrderPlaced>
            {
                public ValueTask Handle(OrderPlaced notification, CancellationToken cancellationToken) => default;
            }

            [Handler]
            [UseMiddleware(typeof(RetryOnce<,>))]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new ValueTask<int>(1);
            }

            [Handler]
            [UseMiddleware(typeof(CountItems<,>))]
            public sealed class CountToHandler : IStreamRequestHandler<CountTo, int>
            {
                public async IAsyncEnumerable<int> Handle(CountTo request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    yield return 1;
                }
            }

            [Middleware(Order = 5)]
            public sealed class Log<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }

            [Middleware(Order = 10, Explicit = true)]
            public sealed class RetryOnce<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }

            [Middleware(Explicit = true, Concern = "Timing")]
            public sealed class Timing<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }

            [Middleware(Explicit = true)]
            public sealed class CountItems<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
            {
                public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, IStreamNext<TRequest, TItem>
                {
                    await foreach (var item in next.InvokeAsync(request, context)) yield return item;
                }
            }
        }
        """;

    [Fact]
    public void Middleware_named_on_a_notification_a_request_and_a_stream_handler()
    {
        var run = GeneratorRun.At(LanguageVersion.CSharp8, Scenario);

        SnapshotTests.AssertClean(run);
        Snapshot.Verify(nameof(Middleware_named_on_a_notification_a_request_and_a_stream_handler), run);
    }
}
