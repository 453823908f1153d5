using Mediator.SourceGenerator.Tests.Infrastructure;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Pre-processors, post-processors, exception handlers and exception actions compiled into real pipelines and run:
/// their position among middleware, what each does with an answer or an exception, the most specific exception type
/// first, lifetimes, open and closed processors, streams, and the synchronous path that allocates nothing.
/// </summary>
public sealed class ProcessorBehaviourTests
{
    private const string Host = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public sealed class Sink { public List<string> Lines { get; } = new(); public void Add(string line) => Lines.Add(line); }

        public interface IAudited { }

        public sealed class Ping : IRequest<int>, IAudited { public string Fail { get; init; } = ""; public bool Async { get; init; } }

        [Handler]
        public sealed class PingHandler(Sink sink) : IRequestHandler<Ping, int>
        {
            public static Exception? Thrown;

            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
            {
                sink.Add("handler");
                if (request.Async)
                {
                    return HandleAsync(request);
                }

                Throw(request.Fail);
                return new(1);
            }

            private async ValueTask<int> HandleAsync(Ping request)
            {
                await Task.Yield();
                Throw(request.Fail);
                return 1;
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void Throw(string fail)
            {
                Thrown = fail switch
                {
                    "invalid" => new InvalidOperationException("boom"),
                    "argument" => new ArgumentException("bad"),
                    _ => null,
                };
                if (Thrown is not null)
                {
                    throw Thrown;
                }
            }
        }

        public static class Run
        {
            public static async Task<string> Send(object request)
            {
                var services = new ServiceCollection();
                services.AddSingleton<Sink>();
                services.AddMediator();
                using var provider = services.BuildServiceProvider();
                var mediator = provider.GetRequiredService<TestApp.Mediator>();
                var sink = provider.GetRequiredService<Sink>();
                try
                {
                    var answer = await ((IMediator)mediator).Send((IRequest<int>)request);
                    sink.Add("answer:" + answer);
                }
                catch (Exception exception)
                {
                    sink.Add("threw:" + exception.GetType().Name + (ReferenceEquals(exception, PingHandler.Thrown) ? ":same" : ":other")
                        + (exception.StackTrace!.Contains("PingHandler.Throw") ? ":stack" : ":nostack"));
                }

                return string.Join(",", sink.Lines);
            }
        }
        """;

    private const string Middleware = """
        namespace App;
        using System.Threading.Tasks;
        using Mediator;

        [Middleware(Order = -1100)]
        public sealed class Early<TRequest, TResponse>(Sink sink) : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IRequest<TResponse>
        {
            public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                sink.Add("early>");
                var response = await next.InvokeAsync(request, context);
                sink.Add("<early");
                return response;
            }
        }

        [Middleware]
        public sealed class Inner<TRequest, TResponse>(Sink sink) : IRequestMiddleware<TRequest, TResponse>
            where TRequest : IRequest<TResponse>
        {
            public async ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                sink.Add("inner>");
                var response = await next.InvokeAsync(request, context);
                sink.Add("<inner");
                return response;
            }
        }
        """;

    private static string Pre(string name = "Pre", string attribute = "[Middleware]", string body = "return default;") => $$"""
        namespace App;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        {{attribute}}
        public sealed class {{name}}<TRequest>(Sink sink) : IRequestPreProcessor<TRequest> where TRequest : IAudited
        {
            public {{(body.Contains("await") ? "async " : "")}}ValueTask Process(TRequest request, CancellationToken cancellationToken)
            {
                sink.Add("{{name}}");
                {{body}}
            }
        }
        """;

    private static string Post(string body = "return default;") => $$"""
        namespace App;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        [Middleware]
        public sealed class Post<TRequest, TResponse>(Sink sink) : IRequestPostProcessor<TRequest, TResponse> where TRequest : IRequest<TResponse>
        {
            public {{(body.Contains("await") ? "async " : "")}}ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken)
            {
                sink.Add("post:" + response);
                {{body}}
            }
        }
        """;

    private static string ExceptionHandler(string name, string exception, string? answer, string attribute = "[Middleware]", bool async = false) => $$"""
        namespace App;
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        {{attribute}}
        public sealed class {{name}}<TRequest>(Sink sink) : IRequestExceptionHandler<TRequest, int, {{exception}}> where TRequest : IRequest<int>
        {
            public {{(async ? "async " : "")}}ValueTask Handle(TRequest request, {{exception}} exception, RequestExceptionHandlerState<int> state, CancellationToken cancellationToken)
            {
                {{(async ? "await Task.Yield();" : "")}}
                sink.Add("{{name}}:" + exception.GetType().Name);
                {{(answer is null ? "" : "state.SetHandled(" + answer + ");")}}
                {{(async ? "" : "return default;")}}
            }
        }
        """;

    private static string ExceptionAction(string name, string exception, bool async = false) => $$"""
        namespace App;
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Mediator;

        [Middleware]
        public sealed class {{name}}<TRequest>(Sink sink) : IRequestExceptionAction<TRequest, {{exception}}> where TRequest : IMessage
        {
            public {{(async ? "async " : "")}}ValueTask Execute(TRequest request, {{exception}} exception, CancellationToken cancellationToken)
            {
                {{(async ? "await Task.Yield();" : "")}}
                sink.Add("{{name}}:" + exception.GetType().Name);
                {{(async ? "" : "return default;")}}
            }
        }
        """;

    private static string Entry(string request) => $$"""
        namespace App;
        using System.Threading.Tasks;

        public static class Entry
        {
            public static Task<string> Run() => App.Run.Send({{request}});
        }
        """;

    private static async Task<string> RunAsync(string request, params string[] sources)
    {
        var run = GeneratorRun.For(new[] { Host, Entry(request) }.Concat(sources).ToArray());
        Assert.Empty(run.GeneratorDiagnostics);
        return await CompiledApp.RunAsync(run);
    }

    private static readonly string[] AllFour =
    {
        Middleware,
        Pre(),
        Post(),
        ExceptionHandler("Handler", "InvalidOperationException", answer: null),
        ExceptionAction("Observe", "Exception"),
    };

    [Fact]
    public async Task Processors_run_outside_every_middleware_pre_before_and_post_after()
    {
        // Early has a built-in's order (-1100), Inner the default (0): both run inside every processor.
        Assert.Equal(
            "Pre,early>,inner>,handler,<inner,<early,post:1,answer:1",
            await RunAsync("new Ping()", AllFour));
    }

    [Fact]
    public async Task A_failure_reaches_the_exception_handler_then_the_action_and_skips_the_post_processor()
    {
        Assert.Equal(
            "Pre,early>,inner>,handler,Handler:InvalidOperationException,Observe:InvalidOperationException,threw:InvalidOperationException:same:stack",
            await RunAsync("new Ping { Fail = \"invalid\" }", AllFour));
    }

    [Fact]
    public async Task An_exception_handler_that_answers_swallows_the_exception_and_the_action_never_sees_it()
    {
        var sources = new[] { Middleware, Pre(), Post(), ExceptionHandler("Handler", "InvalidOperationException", answer: "42"), ExceptionAction("Observe", "Exception") };
        Assert.Equal(
            "Pre,early>,inner>,handler,Handler:InvalidOperationException,answer:42",
            await RunAsync("new Ping { Fail = \"invalid\" }", sources));
        Assert.Equal(
            "Pre,early>,inner>,handler,Handler:InvalidOperationException,answer:42",
            await RunAsync("new Ping { Fail = \"invalid\", Async = true }", sources));
    }

    [Fact]
    public async Task An_exception_handler_for_another_type_lets_the_exception_through_unchanged()
    {
        Assert.Equal(
            "handler,threw:ArgumentException:same:stack",
            await RunAsync("new Ping { Fail = \"argument\" }", ExceptionHandler("Handler", "InvalidOperationException", answer: "42")));
    }

    [Fact]
    public async Task An_action_observes_then_rethrows_the_same_exception_with_its_stack_whether_thrown_synchronously_or_later()
    {
        var sources = new[] { ExceptionAction("Observe", "InvalidOperationException") };
        Assert.Equal("handler,Observe:InvalidOperationException,threw:InvalidOperationException:same:stack", await RunAsync("new Ping { Fail = \"invalid\" }", sources));
        Assert.Equal("handler,Observe:InvalidOperationException,threw:InvalidOperationException:same:stack", await RunAsync("new Ping { Fail = \"invalid\", Async = true }", sources));

        var asyncAction = new[] { ExceptionAction("Observe", "InvalidOperationException", async: true) };
        Assert.Equal("handler,Observe:InvalidOperationException,threw:InvalidOperationException:same:stack", await RunAsync("new Ping { Fail = \"invalid\" }", asyncAction));
    }

    [Fact]
    public async Task The_closest_exception_type_sees_the_exception_first_whatever_the_names()
    {
        // By name alone AAnyException would be outer... and ZInvalid inner; the names are chosen the other way round, so
        // that only the exception types put the specific handler (and action) first.
        var sources = new[]
        {
            ExceptionHandler("ASpecific", "InvalidOperationException", answer: null),
            ExceptionHandler("ZGeneral", "Exception", answer: null),
            ExceptionHandler("MSystem", "SystemException", answer: null),
            ExceptionAction("ASpecificAction", "InvalidOperationException"),
            ExceptionAction("ZGeneralAction", "Exception"),
        };
        Assert.Equal(
            "handler,ASpecific:InvalidOperationException,MSystem:InvalidOperationException,ZGeneral:InvalidOperationException,"
                + "ASpecificAction:InvalidOperationException,ZGeneralAction:InvalidOperationException,threw:InvalidOperationException:same:stack",
            await RunAsync("new Ping { Fail = \"invalid\" }", sources));
    }

    [Fact]
    public async Task The_closest_exception_handler_answers_and_the_general_one_is_not_asked()
    {
        var sources = new[]
        {
            ExceptionHandler("ASpecific", "InvalidOperationException", answer: "7"),
            ExceptionHandler("ZGeneral", "Exception", answer: "8"),
        };
        Assert.Equal("handler,ASpecific:InvalidOperationException,answer:7", await RunAsync("new Ping { Fail = \"invalid\" }", sources));
        Assert.Equal("handler,ZGeneral:ArgumentException,answer:8", await RunAsync("new Ping { Fail = \"argument\" }", sources));
    }

    [Fact]
    public async Task Order_and_RunsBefore_move_a_processor_like_a_middleware()
    {
        // Order moves a pre-processor inside Inner (0); RunsBefore puts First (Order 100) outside Late (Order 5).
        var sources = new[]
        {
            Middleware,
            Pre("Late", "[Middleware(Order = 5)]"),
            Pre("First", "[Middleware(Order = 100)] [RunsBefore(typeof(Late<>))]"),
        };
        Assert.Equal("early>,inner>,First,Late,handler,<inner,<early,answer:1", await RunAsync("new Ping()", sources));
    }

    [Fact]
    public async Task Processors_that_complete_later_run_in_the_same_order()
    {
        var sources = new[]
        {
            Middleware,
            Pre(body: "await Task.Yield();"),
            Post("await Task.Yield();"),
            ExceptionHandler("Handler", "InvalidOperationException", answer: "5", async: true),
        };
        Assert.Equal("Pre,early>,inner>,handler,<inner,<early,post:1,answer:1", await RunAsync("new Ping { Async = true }", sources));
        Assert.Equal("Pre,early>,inner>,handler,Handler:InvalidOperationException,answer:5", await RunAsync("new Ping { Fail = \"invalid\", Async = true }", sources));
    }

    [Fact]
    public async Task An_open_processor_follows_its_constraints_and_a_closed_one_its_message()
    {
        const string Others = """
            namespace App;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            public sealed record Plain : IRequest;

            [Handler]
            public sealed class PlainHandler(Sink sink) : IRequestHandler<Plain>
            {
                public ValueTask Handle(Plain request, CancellationToken cancellationToken) { sink.Add("plain"); return default; }
            }

            [Middleware]
            public sealed class PlainOnly(Sink sink) : IRequestPostProcessor<Plain, Unit>
            {
                public ValueTask Process(Plain request, Unit response, CancellationToken cancellationToken) { sink.Add("plain-post"); return default; }
            }

            [Middleware]
            public sealed class PingOnly(Sink sink) : IRequestPreProcessor<Ping>
            {
                public ValueTask Process(Ping request, CancellationToken cancellationToken) { sink.Add("ping-pre"); return default; }
            }
            """;
        const string Entry = """
            namespace App;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    await mediator.Send(new Plain());
                    await mediator.Send(new Ping());
                    return string.Join(",", provider.GetRequiredService<Sink>().Lines);
                }
            }
            """;
        var run = GeneratorRun.For(Host, Entry, Others, Pre());
        Assert.Empty(run.GeneratorDiagnostics);

        // Pre<TRequest> needs IAudited, which only Ping has; the closed ones wrap their own message.
        Assert.Equal("plain,plain-post,Pre,ping-pre,handler", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task A_scoped_processor_is_one_instance_per_scope()
    {
        const string Scoped = """
            namespace App;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            public sealed class Counter { public int Count; }

            [Middleware(Lifetime = ComponentLifetime.Scoped)]
            public sealed class CountingPre(Sink sink, Counter counter) : IRequestPreProcessor<Ping>
            {
                private static int s_instances;
                private readonly int _instance = Interlocked.Increment(ref s_instances);

                public ValueTask Process(Ping request, CancellationToken cancellationToken)
                {
                    sink.Add("instance" + _instance + ":count" + ++counter.Count);
                    return default;
                }
            }
            """;
        const string Entry = """
            namespace App;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddScoped<Counter>();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
                    for (var scope = 0; scope < 2; scope++)
                    {
                        using var serviceScope = provider.CreateScope();
                        var mediator = serviceScope.ServiceProvider.GetRequiredService<IMediator>();
                        await mediator.Send(new Ping());
                        await mediator.Send(new Ping());
                    }

                    try
                    {
                        await provider.GetRequiredService<IMediator>().Send(new Ping());
                    }
                    catch (ScopeRequiredException)
                    {
                        provider.GetRequiredService<Sink>().Add("root:scope-required");
                    }

                    return string.Join(",", provider.GetRequiredService<Sink>().Lines);
                }
            }
            """;
        var run = GeneratorRun.For(Host, Entry, Scoped);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            "instance1:count1,handler,instance1:count2,handler,instance2:count1,handler,instance2:count2,handler,root:scope-required",
            await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task A_stream_pre_processor_runs_once_when_reading_starts_before_the_handler()
    {
        const string Stream = """
            namespace App;
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            using Microsoft.Extensions.DependencyInjection;

            public sealed record Count(int To, bool Async) : IStreamRequest<int>;

            [Handler]
            public sealed class CountHandler(Sink sink) : IStreamRequestHandler<Count, int>
            {
                public async IAsyncEnumerable<int> Handle(Count request, [EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    sink.Add("handler");
                    for (var i = 1; i <= request.To; i++)
                    {
                        await Task.Yield();
                        yield return i;
                    }
                }
            }

            [Middleware]
            public sealed class StreamPre<TRequest>(Sink sink) : IStreamPreProcessor<TRequest>, IRequestPreProcessor<TRequest>
            {
                public async ValueTask Process(TRequest request, CancellationToken cancellationToken)
                {
                    sink.Add("pre");
                    if (request is Count { Async: true })
                    {
                        await Task.Yield();
                        sink.Add("pre-done");
                    }
                }
            }

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    var sink = provider.GetRequiredService<Sink>();
                    foreach (var async in new[] { false, true })
                    {
                        var stream = mediator.CreateStream(new Count(2, async));
                        sink.Add("created");
                        await foreach (var item in stream)
                        {
                            sink.Add("item" + item);
                        }
                    }

                    await mediator.Send(new Ping());
                    return string.Join(",", sink.Lines);
                }
            }
            """;
        var run = GeneratorRun.For(Host, Stream);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            "created,pre,handler,item1,item2,created,pre,pre-done,handler,item1,item2,pre,handler",
            await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task A_pre_and_post_processor_that_complete_synchronously_allocate_nothing()
    {
        const string Entry = """
            namespace App;
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;

            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<Sink>();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var mediator = provider.GetRequiredService<TestApp.Mediator>();
                    var ping = new Ping();
                    for (var i = 0; i < 100; i++)
                    {
                        await mediator.Send(ping);
                    }

                    provider.GetRequiredService<Sink>().Lines.Clear();
                    provider.GetRequiredService<Sink>().Lines.Capacity = 64;
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var pending = mediator.Send(ping);
                    var answer = pending.Result;
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    return answer + ":" + allocated;
                }
            }
            """;
        const string Silent = """
            namespace App;
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;

            [Middleware]
            public sealed class QuietPre<TRequest> : IRequestPreProcessor<TRequest> where TRequest : IAudited
            {
                public int Seen;
                public ValueTask Process(TRequest request, CancellationToken cancellationToken) { Seen++; return default; }
            }

            [Middleware]
            public sealed class QuietPost<TRequest, TResponse> : IRequestPostProcessor<TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                public int Seen;
                public ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken) { Seen++; return default; }
            }
            """;
        var run = GeneratorRun.For(Host, Entry, Silent);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Equal("1:0", await CompiledApp.RunAsync(run));
    }
}
