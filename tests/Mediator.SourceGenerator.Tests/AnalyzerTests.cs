using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static Mediator.SourceGenerator.Tests.Infrastructure.AnalyzerRun;

namespace Mediator.SourceGenerator.Tests;

/// <summary>The analyzers MED0030-MED0034: where each fires (ID, severity, span, message) and a near miss where it does not.</summary>
public sealed class AnalyzerTests
{
    private const string Messages = Sources.Usings + """
        namespace App;
        public sealed record Ping : IRequest<int>;
        public sealed record Pinged : INotification;
        public sealed record Tick : IStreamRequest<int>;
        [Handler]
        public sealed class Handlers : IRequestHandler<Ping, int>, INotificationHandler<Pinged>, IStreamRequestHandler<Tick, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            public ValueTask Handle(Pinged notification, CancellationToken cancellationToken) => default;
            public System.Collections.Generic.IAsyncEnumerable<int> Handle(Tick request, CancellationToken cancellationToken) => throw new System.NotSupportedException();
        }
        """;

    [Fact]
    public void MED0030_send_with_a_notification_publish_with_a_request_and_stream_of_a_request_are_reported_on_the_argument()
    {
        var diagnostics = For(Messages, Sources.Usings + """
            namespace App;
            public static class Caller
            {
                public static async Task Wrong(TestApp.Mediator mediator, IMediator viaInterface, ISender sender)
                {
                    await mediator.Send(new Pinged());
                    await viaInterface.Publish(new Ping());
                    sender.CreateStream(new Ping());
                    await sender.Send(new Tick());
                }
            }
            """);

        Assert.Equal(4, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0030", DiagnosticSeverity.Error, "new Pinged()",
            "'App.Pinged' is a notification, which Send does not dispatch; call Publish instead");
        AssertDiagnostic(diagnostics[1], "MED0030", DiagnosticSeverity.Error, "new Ping()",
            "'App.Ping' is a request, which Publish does not dispatch; call Send instead");
        AssertDiagnostic(diagnostics[2], "MED0030", DiagnosticSeverity.Error, "new Ping()",
            "'App.Ping' is a request, which CreateStream does not dispatch; call Send instead");
        AssertDiagnostic(diagnostics[3], "MED0030", DiagnosticSeverity.Error, "new Tick()",
            "'App.Tick' is a stream request, which Send does not dispatch; call CreateStream instead");
    }

    [Fact]
    public void MED0030_near_miss_right_methods_generic_messages_and_arguments_that_are_no_message()
    {
        var diagnostics = For(Messages, Sources.Usings + """
            namespace App;
            public sealed record Both : IRequest<int>, INotification;
            public static class Caller
            {
                public static async Task Right<T>(TestApp.Mediator mediator, IMediator viaInterface, T notification) where T : INotification
                {
                    await mediator.Send(new Ping());
                    await viaInterface.Send(new Ping());
                    await viaInterface.Publish(new Pinged());
                    await viaInterface.Publish(notification);
                    await viaInterface.Publish(new Both());
                    await viaInterface.Send(new Both());
                    mediator.CreateStream(new Tick());
                    await viaInterface.Send((object)"typed object: what Send(object) is for");
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    /// <summary>
    /// The object overloads: a message of the wrong kind is still MED0030 (the call now binds, to <c>Send(object)</c>, where
    /// it used to be CS1503), whether its static type is the class or a message interface.
    /// </summary>
    [Fact]
    public void MED0030_is_still_reported_where_the_call_now_binds_to_an_object_overload()
    {
        var diagnostics = For(Messages, Sources.Usings + """
            namespace App;
            public static class Caller
            {
                public static async Task Wrong(IMediator viaInterface, ISender sender, IPublisher publisher, INotification someNotification)
                {
                    await sender.Send(new Pinged());
                    await sender.Send(someNotification);
                    await publisher.Publish(new Tick());
                    await foreach (var item in viaInterface.CreateStream(new Pinged())) { }
                }
            }
            """);

        Assert.Equal(4, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("MED0030", d.Id));
        Assert.Equal(new[] { "new Pinged()", "someNotification", "new Tick()", "new Pinged()" }, diagnostics.Select(SpanText));
    }

    [Fact]
    public void MED0058_a_value_that_can_never_be_a_message_given_to_an_object_overload_is_reported_on_the_argument()
    {
        var diagnostics = For(Messages, Sources.Usings + """
            namespace App;
            public sealed class Envelope { }
            public struct Payload { }
            public static class Caller
            {
                public static async Task Wrong(TestApp.Mediator mediator, IMediator viaInterface, ISender sender, IPublisher publisher, string json, int[] bytes)
                {
                    await sender.Send(json);
                    await mediator.Send(42);
                    await publisher.Publish(new Envelope());
                    viaInterface.CreateStream(new Payload());
                    await viaInterface.Send(bytes);
                }
            }
            """);

        Assert.Equal(5, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0058", DiagnosticSeverity.Error, "json",
            "'string' is no message and no value of that type can be one, so Send(object) would throw NotAMessageException; pass the message itself (a type that implements IRequest<TResponse> or IRequest)");
        AssertDiagnostic(diagnostics[1], "MED0058", DiagnosticSeverity.Error, "42",
            "'int' is no message and no value of that type can be one, so Send(object) would throw NotAMessageException; pass the message itself (a type that implements IRequest<TResponse> or IRequest)");
        AssertDiagnostic(diagnostics[2], "MED0058", DiagnosticSeverity.Error, "new Envelope()",
            "'App.Envelope' is no message and no value of that type can be one, so Publish(object) would throw NotAMessageException; pass the message itself (a type that implements INotification)");
        AssertDiagnostic(diagnostics[3], "MED0058", DiagnosticSeverity.Error, "new Payload()",
            "'App.Payload' is no message and no value of that type can be one, so CreateStream(object) would throw NotAMessageException; pass the message itself (a type that implements IStreamRequest<TItem>)");
        Assert.Equal("bytes", SpanText(diagnostics[4]));
    }

    [Fact]
    public void MED0059_a_request_with_several_responses_sent_without_a_type_argument_binds_to_Send_object_and_is_reported()
    {
        var diagnostics = For(Messages, Sources.Usings + """
            namespace App;
            public sealed record Lookup : IRequest<int>, IRequest<string>;
            public interface ILookup : IRequest<int>, IRequest<string> { }
            [Handler]
            public sealed class LookupHandler : IRequestHandler<Lookup, int>, IRequestHandler<Lookup, string>
            {
                ValueTask<int> IRequestHandler<Lookup, int>.Handle(Lookup request, CancellationToken cancellationToken) => new(1);
                ValueTask<string> IRequestHandler<Lookup, string>.Handle(Lookup request, CancellationToken cancellationToken) => new("one");
            }
            public static class Caller
            {
                public static async Task Calls(TestApp.Mediator mediator, ISender sender, ILookup viaInterface, object received)
                {
                    await sender.Send(new Lookup());
                    await sender.Send(viaInterface);
                    await sender.Send<int>(new Lookup());
                    await sender.Send((object)new Lookup());
                    await sender.Send(received);
                    await mediator.Send(new Lookup());
                    await sender.Send(new Ping());
                }
            }
            """);

        Assert.Equal(2, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0059", DiagnosticSeverity.Warning, "new Lookup()",
            "'App.Lookup' answers int, string, so Send cannot infer which and the call binds to Send(object), which sends it through one of its pipelines and returns the answer as an object; call Send<TResponse> to choose the response");
        Assert.Equal("viaInterface", SpanText(diagnostics[1]));
    }

    [Fact]
    public void MED0058_near_miss_values_that_may_be_messages_at_run_time()
    {
        var diagnostics = For(Messages, Sources.Usings + """
            namespace App;
            public class Envelope { }
            public interface IPayload { }
            public struct Tock : INotification { }
            public static class Caller
            {
                public static async Task Right<T>(IMediator mediator, object received, Envelope open, IPayload payload, T value, Tock? maybe, IMessage message)
                {
                    await mediator.Send(received);
                    await mediator.Send(open);
                    await mediator.Publish(payload);
                    await mediator.Send(value!);
                    await mediator.Publish(maybe);
                    await mediator.Send(message);
                    await mediator.Publish(received);
                    mediator.CreateStream(received);
                }
            }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "MED0058");
    }

    [Fact]
    public void MED0031_middleware_that_never_uses_next_is_reported_on_its_InvokeAsync()
    {
        var diagnostics = For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Middleware]
            public sealed class Swallow<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => new(default(TResponse)!);
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        AssertDiagnostic(diagnostic, "MED0031", DiagnosticSeverity.Warning, "InvokeAsync",
            "Middleware 'App.Swallow<TRequest, TResponse>' never uses its 'next' parameter, so the handler and every inner middleware never run; call next.InvokeAsync(...) on the paths that should continue");
    }

    [Fact]
    public void MED0031_notification_only_middleware_that_never_uses_next_is_reported()
    {
        // INotificationMiddleware<T> has a method of its own (a plain ValueTask), not IMiddleware's: the rule reads it too.
        var diagnostics = For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Middleware(Direction = MiddlewareDirection.OnPublish)]
            public sealed class Mute<TNotification> : INotificationMiddleware<TNotification>
            {
                public ValueTask InvokeAsync<TNext>(TNotification notification, TNext next, MessageContext context)
                    where TNext : struct, INotificationNext<TNotification> => default;
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        AssertDiagnostic(diagnostic, "MED0031", DiagnosticSeverity.Warning, "InvokeAsync",
            "Middleware 'App.Mute<TNotification>' never uses its 'next' parameter, so the handler and every inner middleware never run; call next.InvokeAsync(...) on the paths that should continue");
    }

    [Fact]
    public void MED0031_near_miss_short_circuit_on_some_paths_next_passed_to_a_helper_and_stream_middleware()
    {
        var diagnostics = For(Sources.PingAndHandler, Sources.Usings + """
            using System.Collections.Generic;
            namespace App;
            [Middleware]
            public sealed class Cache<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    if (request is null) return new(default(TResponse)!);
                    return next.InvokeAsync(request, context);
                }
            }
            [Middleware]
            public sealed class Delegating<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => Helper(request, next, context);
                private static ValueTask<TResponse> Helper<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            [Middleware]
            public sealed class Streaming<TRequest, TItem> : IStreamMiddleware<TRequest, TItem>
            {
                public async IAsyncEnumerator<TItem> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, IStreamNext<TRequest, TItem>
                {
                    await foreach (var item in next.InvokeAsync(request, context)) yield return item;
                }
            }
            public sealed class NotAMiddleware
            {
                public ValueTask<int> InvokeAsync<TNext>(int request, TNext next, MessageContext context) => new(1);
            }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id == "MED0031");
    }

    [Fact]
    public void MED0032_mutable_field_and_settable_auto_property_of_a_middleware_are_reported_on_their_names()
    {
        var diagnostics = For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Middleware]
            public sealed class Counting<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                private int _count;
                public int Calls { get; set; }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    _count++;
                    return next.InvokeAsync(request, context);
                }
            }
            """);

        Assert.Equal(2, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0032", DiagnosticSeverity.Warning, "_count",
            "Middleware 'App.Counting<TRequest, TResponse>' is one shared instance for all concurrent messages, but field '_count' can be changed after construction; make it readonly, or keep the state in an injected service or in MessageContext");
        AssertDiagnostic(diagnostics[1], "MED0032", DiagnosticSeverity.Warning, "Calls",
            "Middleware 'App.Counting<TRequest, TResponse>' is one shared instance for all concurrent messages, but property 'Calls' can be changed after construction; make it readonly, or keep the state in an injected service or in MessageContext");
    }

    [Fact]
    public void MED0032_near_miss_readonly_static_const_init_and_get_only_members_and_scoped_handlers()
    {
        var diagnostics = For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler(Lifetime = ComponentLifetime.Scoped)]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                private int _calls;
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(++_calls);
            }
            [Middleware]
            public sealed class Quiet<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                private readonly object _gate = new();
                private static int s_instances;
                private const int Limit = 3;
                public int Init { get; init; }
                public int GetOnly { get; } = Limit;
                public int Computed => s_instances;
                public event System.EventHandler? Changed;
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    Changed?.Invoke(_gate, System.EventArgs.Empty);
                    return next.InvokeAsync(request, context);
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void MED0033_blocking_calls_in_a_handler_are_reported_on_the_call()
    {
        var diagnostics = For(Sources.Usings + """
            using System.IO;
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    var task = Task.FromResult(1);
                    var a = task.Result;
                    var b = task.GetAwaiter().GetResult();
                    task.Wait();
                    Thread.Sleep(1);
                    var c = File.ReadAllText("data.txt");
                    using var stream = new FileStream("data.bin", FileMode.Open);
                    stream.Read(new byte[4], 0, 4);
                    return new(a + b + c.Length);
                }
            }
            """);

        Assert.Equal(6, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        AssertDiagnostic(diagnostics[0], "MED0033", DiagnosticSeverity.Warning, "task.Result",
            "'task.Result' blocks the thread inside handler 'App.PingHandler'; await the task instead of reading .Result");
        AssertDiagnostic(diagnostics[1], "MED0033", DiagnosticSeverity.Warning, "task.GetAwaiter().GetResult()",
            "'task.GetAwaiter().GetResult()' blocks the thread inside handler 'App.PingHandler'; await the task instead of calling GetAwaiter().GetResult()");
        AssertDiagnostic(diagnostics[2], "MED0033", DiagnosticSeverity.Warning, "task.Wait()",
            "'task.Wait()' blocks the thread inside handler 'App.PingHandler'; await the task instead of calling Wait()");
        AssertDiagnostic(diagnostics[3], "MED0033", DiagnosticSeverity.Warning, "Thread.Sleep(1)",
            "'Thread.Sleep(1)' blocks the thread inside handler 'App.PingHandler'; use await Task.Delay(...) instead");
        AssertDiagnostic(diagnostics[4], "MED0033", DiagnosticSeverity.Warning, "File.ReadAllText(\"data.txt\")",
            "'File.ReadAllText(\"data.txt\")' blocks the thread inside handler 'App.PingHandler'; use File.ReadAllTextAsync instead");
        AssertDiagnostic(diagnostics[5], "MED0033", DiagnosticSeverity.Warning, "stream.Read(new byte[4], 0, 4)",
            "'stream.Read(new byte[4], 0, 4)' blocks the thread inside handler 'App.PingHandler'; use ReadAsync instead");
    }

    [Fact]
    public void MED0033_blocking_call_in_a_middleware_lambda_is_reported()
    {
        var diagnostics = For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Middleware]
            public sealed class Slow<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    System.Action pause = () => Thread.Sleep(5);
                    pause();
                    return next.InvokeAsync(request, context);
                }
            }
            """);

        AssertDiagnostic(Assert.Single(diagnostics), "MED0033", DiagnosticSeverity.Warning, "Thread.Sleep(5)",
            "'Thread.Sleep(5)' blocks the thread inside middleware 'App.Slow<TRequest, TResponse>'; use await Task.Delay(...) instead");
    }

    [Fact]
    public void MED0033_near_miss_blocking_calls_outside_handlers_awaits_and_look_alikes()
    {
        var diagnostics = For(Sources.Usings + """
            using System.IO;
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class Outcome { public int Result { get; set; } public void Wait() { } }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public async ValueTask<int> Handle(Ping request, CancellationToken cancellationToken)
                {
                    var value = await Task.FromResult(1);
                    var outcome = new Outcome { Result = value };
                    outcome.Wait();
                    await Task.Delay(1, cancellationToken);
                    var text = await File.ReadAllTextAsync("data.txt", cancellationToken);
                    using var memory = new MemoryStream();
                    memory.Read(new byte[4], 0, 4);
                    return outcome.Result + text.Length;
                }
            }
            public static class Startup
            {
                public static string Config() => File.ReadAllText("config.json") + Task.FromResult(1).Result;
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void MED0034_handler_and_middleware_without_attribute_are_reported_on_the_class_name()
    {
        var diagnostics = For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            public sealed class Logging<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Equal(2, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0034", DiagnosticSeverity.Warning, "PingHandler",
            "'App.PingHandler' implements IRequestHandler<Ping, int> but is not marked [Handler], and the generator only wires classes marked [Handler]: add [Handler], or make the class abstract if it is a base class");
        AssertDiagnostic(diagnostics[1], "MED0034", DiagnosticSeverity.Warning, "Logging",
            "'App.Logging<TRequest, TResponse>' implements IRequestMiddleware<TRequest, TResponse> but is not marked [Middleware], and the generator only wires classes marked [Middleware]: add [Middleware], or make the class abstract if it is a base class");
        Assert.Equal("Handler", diagnostics[0].Properties["Attribute"]);
    }

    [Fact]
    public void MED0034_near_miss_marked_abstract_derived_from_marked_and_generic_handlers()
    {
        var diagnostics = For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class Pong : IRequest<int> { }
            public sealed class Wrapped<T> : IRequest<T> { }
            public abstract class HandlerBase<TRequest> : IRequestHandler<TRequest, int> where TRequest : IRequest<int>
            {
                public ValueTask<int> Handle(TRequest request, CancellationToken cancellationToken) => new(1);
            }
            [Handler]
            public class PingHandler : HandlerBase<Ping> { }
            public sealed class SpecialPingHandler : PingHandler { }
            [Handler]
            public sealed class PongHandler : HandlerBase<Pong> { }
            public sealed class OpenHandler<T> : IRequestHandler<Wrapped<T>, T>
            {
                public ValueTask<T> Handle(Wrapped<T> request, CancellationToken cancellationToken) => new(default(T)!);
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Analyzers_skip_generated_code()
    {
        var diagnostics = For(Sources.PingAndHandler, """
            // <auto-generated/>
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            namespace App;
            public sealed class Unmarked<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                private int _count;
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse>
                {
                    Thread.Sleep(_count++);
                    return new(default(TResponse)!);
                }
            }
            """);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Analyzers_report_nothing_on_correct_code_and_the_generated_mediator()
    {
        var diagnostics = For(Sources.PingAndHandler, Sources.Middleware("Outer", 1), Messages.Replace("namespace App;", "namespace App.More;"));

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_analyzer_reports_only_descriptors_from_the_table()
    {
        foreach (var analyzer in All)
        {
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.Contains(d, Diagnostics.DiagnosticDescriptors.All));
        }

        Assert.Equal(
            new[] { "MED0030", "MED0031", "MED0032", "MED0033", "MED0034", "MED0058", "MED0059" },
            All.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));
    }
}
