namespace Mediator.SourceGenerator.Interceptor.Tests;

/// <summary>
/// A program with every message kind, run with and without interceptors: each step prints its result or its exception and
/// what the handlers and the middleware recorded.
/// </summary>
internal static class Sample
{
    public const string Messages = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        namespace App;

        public sealed class Sink { public List<string> Lines { get; } = new(); public void Add(string line) => Lines.Add(line); }

        public sealed record Ping(string Text) : IRequest<string>;

        public sealed class Fire : IRequest { public bool Fail { get; init; } }

        public readonly record struct Count(int To) : IStreamRequest<int>;

        public sealed class Note : INotification { public string Text { get; init; } = ""; }

        public class Shape : IRequest<string> { }

        public sealed class Circle : Shape { }

        [Handler]
        public sealed class PingHandler(Sink sink) : IRequestHandler<Ping, string>
        {
            public ValueTask<string> Handle(Ping request, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sink.Add("ping:" + request.Text);
                if (request.Text == "boom") throw new InvalidOperationException("ping boom");
                return new("pong:" + request.Text);
            }
        }

        [Handler]
        public sealed class FireHandler(Sink sink) : IRequestHandler<Fire>
        {
            public ValueTask Handle(Fire request, CancellationToken cancellationToken)
            {
                sink.Add("fire");
                if (request.Fail) throw new ArgumentException("fire failed");
                return default;
            }
        }

        [Handler]
        public sealed class CountHandler : IStreamRequestHandler<Count, int>
        {
            public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                for (var i = 1; i <= request.To; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Yield();
                    yield return i;
                }
            }
        }

        [Handler]
        public sealed class NoteHandler(Sink sink) : INotificationHandler<Note>
        {
            public ValueTask Handle(Note notification, CancellationToken cancellationToken)
            {
                sink.Add("note:" + notification.Text + (cancellationToken.IsCancellationRequested ? ":cancelled" : ""));
                if (notification.Text == "boom") throw new InvalidOperationException("note boom");
                return default;
            }
        }

        [Handler]
        public sealed class ShapeHandler : IRequestHandler<Shape, string>
        {
            public ValueTask<string> Handle(Shape request, CancellationToken cancellationToken) => new("shape");
        }

        [Handler]
        public sealed class CircleHandler : IRequestHandler<Circle, string>
        {
            public ValueTask<string> Handle(Circle request, CancellationToken cancellationToken) => new("circle");
        }

        [Middleware]
        public sealed class Trace<TRequest, TResponse>(Sink sink) : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IRequest<TResponse>
        {
            public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                sink.Add("trace>");
                var response = await next.InvokeAsync(request, context);
                sink.Add("<trace");
                return response;
            }
        }

        /// <summary>Another ISender, as a test would register: calls bound by an interceptor must still reach it.</summary>
        public sealed class FakeSender : ISender
        {
            public ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
                => new((TResponse)(object)("fake:" + request.GetType().Name));

            public ValueTask Send(IRequest request, CancellationToken cancellationToken = default) => default;

            public IAsyncEnumerable<TItem> CreateStream<TItem>(IStreamRequest<TItem> request, CancellationToken cancellationToken = default)
                => throw new NotSupportedException("fake stream");

            public ValueTask<object?> Send(object request, CancellationToken cancellationToken = default) => new("fake-object");

            public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default)
                => throw new NotSupportedException("fake stream");
        }
        """;

    public const string Entry = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public static class Entry
        {
            public static async Task<string> Run()
            {
                var services = new ServiceCollection();
                services.AddSingleton<Sink>();
                services.AddMediator();
                using var provider = services.BuildServiceProvider();
                var sink = provider.GetRequiredService<Sink>();
                var sender = provider.GetRequiredService<ISender>();
                var mediator = provider.GetRequiredService<IMediator>();
                var publisher = provider.GetRequiredService<IPublisher>();
                var log = new List<string>();
                async Task Step(string name, Func<Task<string>> step)
                {
                    try
                    {
                        log.Add(name + " = " + await step());
                    }
                    catch (Exception e)
                    {
                        log.Add(name + " ! " + e.GetType().Name + ": " + e.Message);
                    }

                    log.Add("    [" + string.Join(",", sink.Lines) + "]");
                    sink.Lines.Clear();
                }

                using var cancelled = new CancellationTokenSource();
                cancelled.Cancel();

                await Step("send", async () => await sender.Send(new Ping("a")));
                await Step("send-generic", async () => await mediator.Send<string>(new Ping("b")));
                await Step("send-cancelled", async () => await sender.Send(new Ping("c"), cancelled.Token));
                await Step("send-throws", async () => await sender.Send(new Ping("boom")));
                await Step("send-null", async () => await sender.Send((Ping)null!));
                await Step("send-void", async () => { await mediator.Send(new Fire()); return "done"; });
                await Step("send-void-throws", async () => { await sender.Send(new Fire { Fail = true }); return "done"; });
                await Step("send-void-null", async () => { await sender.Send((Fire)null!); return "done"; });
                await Step("publish", async () => { await publisher.Publish(new Note { Text = "n" }); return "done"; });
                await Step("publish-mediator", async () => { await mediator.Publish(new Note { Text = "m" }); return "done"; });
                await Step("publish-cancelled", async () => { await publisher.Publish(new Note { Text = "c" }, cancelled.Token); return "done"; });
                await Step("publish-throws", async () => { await publisher.Publish(new Note { Text = "boom" }); return "done"; });
                await Step("publish-null", async () => { await publisher.Publish((Note)null!); return "done"; });
                await Step("stream", async () =>
                {
                    var items = new List<int>();
                    await foreach (var item in sender.CreateStream(new Count(3)))
                    {
                        items.Add(item);
                    }

                    return string.Join(",", items);
                });
                await Step("stream-cancelled", async () =>
                {
                    var items = new List<int>();
                    await foreach (var item in mediator.CreateStream(new Count(3), cancelled.Token))
                    {
                        items.Add(item);
                    }

                    return string.Join(",", items);
                });
                // Dynamic dispatch (docs/dynamic-dispatch.md): the object overloads are never bound, the run-time type decides.
                await Step("send-object", async () => (string)(await sender.Send((object)new Ping("o")))!);
                await Step("publish-object", async () => { await publisher.Publish((object)new Note { Text = "o" }); return "done"; });
                await Step("stream-object", async () =>
                {
                    var items = new List<string>();
                    await foreach (var item in sender.CreateStream((object)new Count(2)))
                    {
                        items.Add(item!.ToString()!);
                    }

                    return string.Join(",", items);
                });
                await Step("sealed-subclass", async () => await sender.Send(new Circle()));
                Shape shape = new Circle();
                await Step("subclass-routed", async () => await sender.Send(shape));
                ISender fake = new FakeSender();
                await Step("another-sender", async () => await fake.Send(new Ping("f")));
                return string.Join("\n", log);
            }
        }
        """;
}
