using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>Each diagnostic: where it fires (ID, severity, span, message) and a near miss where it does not.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void MED0001_request_without_handler_is_reported_on_its_name()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed record Orphan(int Id) : IRequest<string>;
            public sealed class Command : IRequest { }
            """);

        var diagnostics = Sorted(run);
        Assert.Equal(2, diagnostics.Count);
        AssertDiagnostic(diagnostics[0], "MED0001", DiagnosticSeverity.Error, run, "Orphan",
            "Request 'App.Orphan' has no handler: add a class marked [Handler] that implements IRequestHandler<Orphan, string>");
        AssertDiagnostic(diagnostics[1], "MED0001", DiagnosticSeverity.Error, run, "Command",
            "Request 'App.Command' has no handler: add a class marked [Handler] that implements IRequestHandler<Command>");
    }

    [Fact]
    public void MED0001_near_miss_abstract_and_generic_requests_and_handled_ones()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            public abstract class QueryBase<T> : IRequest<T> { }
            public abstract record CommandBase : IRequest;
            public sealed class Envelope<T> : IRequest<T> { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void MED0001_near_miss_subclass_of_a_handled_request()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public class Query : IRequest<int> { }
            public sealed class SpecialQuery : Query { }
            [Handler]
            public sealed class QueryHandler : IRequestHandler<Query, int>
            {
                public ValueTask<int> Handle(Query request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void MED0001_near_miss_implementation_of_a_handled_request_interface()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public interface IQuery : IRequest<int> { }
            public sealed class ConcreteQuery : IQuery { }
            [Handler]
            public sealed class QueryHandler : IRequestHandler<IQuery, int>
            {
                public ValueTask<int> Handle(IQuery request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("request is global::App.IQuery r0", run.GeneratedSources.Single(s => s.HintName == "Mediator.g.cs").Text);
    }

    [Fact]
    public void MED0002_two_handlers_for_one_request_are_both_reported_and_the_code_still_compiles()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Handler]
            public sealed class OtherPingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(2);
            }
            """);

        var diagnostics = Sorted(run);
        Assert.Equal(2, diagnostics.Count);
        const string message = "Request 'App.Ping' is handled by 'App.OtherPingHandler' and 'App.PingHandler': a request must have exactly one handler, remove all but one";
        AssertDiagnostic(diagnostics[0], "MED0002", DiagnosticSeverity.Error, run, "PingHandler", message);
        AssertDiagnostic(diagnostics[1], "MED0002", DiagnosticSeverity.Error, run, "OtherPingHandler", message);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    [Fact]
    public void MED0002_near_miss_one_class_handling_two_requests()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class A : IRequest<int> { }
            public sealed class B : IRequest<int> { }
            [Handler]
            public sealed class Both : IRequestHandler<A, int>, IRequestHandler<B, int>
            {
                public ValueTask<int> Handle(A request, CancellationToken cancellationToken) => new(1);
                public ValueTask<int> Handle(B request, CancellationToken cancellationToken) => new(2);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0004_private_nested_handler_is_reported_not_emitted()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public static class Outer
            {
                [Handler]
                private sealed class Hidden : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
            }
            """);

        var diagnostics = Sorted(run);
        AssertDiagnostic(diagnostics.Single(d => d.Id == "MED0004"), "MED0004", DiagnosticSeverity.Error, run, "Hidden",
            "'App.Outer.Hidden' is private: the generated mediator cannot reference it; make it internal or public, and every type it is nested in too");
        Assert.Contains(diagnostics, d => d.Id == "MED0001");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0004_near_miss_internal_nested_handler_is_fine()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public static class Outer
            {
                [Handler]
                internal sealed class Visible : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0005_open_generic_handler_is_reported()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Envelope<T> : IRequest<T> { }
            [Handler]
            public sealed class EnvelopeHandler<T> : IRequestHandler<Envelope<T>, T>
            {
                public ValueTask<T> Handle(Envelope<T> request, CancellationToken cancellationToken) => new(default(T)!);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0005", diagnostic.Id);
        Assert.Equal("EnvelopeHandler", SpanText(diagnostic));
        Assert.StartsWith("'App.EnvelopeHandler<T>' cannot be a handler: it is an open generic type", diagnostic.GetMessage());
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0005_near_miss_closed_handler_of_a_generic_request()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Envelope<T> : IRequest<T> { }
            [Handler]
            public sealed class IntEnvelopeHandler : IRequestHandler<Envelope<int>, int>
            {
                public ValueTask<int> Handle(Envelope<int> request, CancellationToken cancellationToken) => new(3);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.Envelope_intPipeline.g.cs");
    }

    [Fact]
    public void MED0005_abstract_handler_is_reported()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public abstract class PingHandlerBase : IRequestHandler<Ping, int>
            {
                public abstract ValueTask<int> Handle(Ping request, CancellationToken cancellationToken);
            }
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "MED0005" && d.GetMessage().Contains("it is abstract"));
    }

    [Fact]
    public void MED0006_handler_attribute_without_contract()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            [Handler]
            public sealed class NotAHandler { }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0006", DiagnosticSeverity.Warning, run, "NotAHandler",
            "'App.NotAHandler' is marked [Handler] but implements no handler interface (IRequestHandler<TRequest, TResponse>, IRequestHandler<TRequest>, INotificationHandler<TNotification> or IStreamRequestHandler<TRequest, TItem>); implement one or remove the attribute");
    }

    [Fact]
    public void MED0006_near_miss_contract_inherited_from_a_base_class()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public abstract class Base : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Handler]
            public sealed class Derived : Base { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0007_middleware_attribute_without_contract()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Middleware]
            public sealed class NotAMiddleware { }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0007", DiagnosticSeverity.Warning, run, "NotAMiddleware",
            "'App.NotAMiddleware' is marked [Middleware] but implements no middleware interface (IMiddleware<TMessage, TResult>, IRequestMiddleware<TRequest, TResponse>, INotificationMiddleware<TNotification> or IStreamMiddleware<TRequest, TItem>); implement one or remove the attribute");
    }

    [Fact]
    public void MED0008_middleware_whose_constraints_match_no_request()
    {
        var run = GeneratorRun.For(
            Sources.PingAndHandler,
            Sources.Middleware("OnlyCached", 1, "where TRequest : IRequest<TResponse>, ICacheable"),
            "namespace App; public interface ICacheable { }");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0008", DiagnosticSeverity.Warning, run, "OnlyCached",
            "Middleware 'App.OnlyCached<TRequest, TResponse>' is in no pipeline: no handled message in this project satisfies its contract, its generic constraints and its direction");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0008_near_miss_constraint_satisfied_by_one_request()
    {
        var run = GeneratorRun.For(
            Sources.PingAndHandler,
            Sources.Middleware("OnlyValueResponses", 1, "where TResponse : struct"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("OnlyValueResponses<global::App.Ping, int>", run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text);
    }

    [Fact]
    public void MED0009_middleware_with_a_type_parameter_that_cannot_be_inferred()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [Middleware]
            public sealed class Stray<TRequest, TResponse, TOther> : IRequestMiddleware<TRequest, TResponse>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0009", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Stray", SpanText(diagnostic));
        Assert.Contains("its type parameter 'TOther' appears neither in IRequestMiddleware", diagnostic.GetMessage());
    }

    [Fact]
    public void MED0009_near_miss_type_parameter_inferred_through_a_constraint()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public interface IHasKey<TKey> { TKey Key { get; } }
            public sealed class GetUser : IRequest<string>, IHasKey<int> { public int Key => 7; }
            [Handler]
            public sealed class GetUserHandler : IRequestHandler<GetUser, string>
            {
                public ValueTask<string> Handle(GetUser request, CancellationToken cancellationToken) => new("ada");
            }
            [Middleware]
            public sealed class Keyed<TRequest, TResponse, TKey> : IRequestMiddleware<TRequest, TResponse>
                where TRequest : IHasKey<TKey>
            {
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("Keyed<global::App.GetUser, string, int>", run.GeneratedSources.Single(s => s.HintName == "Mediator.GetUserPipeline.g.cs").Text);
    }

    [Fact]
    public void MED0010_notification_without_handler_is_informational()
    {
        var run = GeneratorRun.For("""
            using Mediator;
            namespace App;
            public sealed record OrderShipped(int Id) : INotification;
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0010", DiagnosticSeverity.Info, run, "OrderShipped",
            "Notification 'App.OrderShipped' has no handler, so publishing it does nothing; add a class marked [Handler] that implements INotificationHandler<OrderShipped>, or suppress MED0010 while handlers are still to come");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0010_near_miss_handler_of_an_interface_the_notification_implements()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            namespace App;
            public interface IOrderEvent : INotification { }
            public sealed record OrderShipped(int Id) : IOrderEvent;
            [Handler]
            public sealed class Audit : INotificationHandler<IOrderEvent>
            {
                public ValueTask Handle(IOrderEvent notification, CancellationToken cancellationToken) => default;
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.OrderShippedNotificationPipeline.g.cs");
    }

    [Fact]
    public void MED0011_group_on_a_sealed_class_is_reported()
    {
        var run = GeneratorRun.For("""
            using Mediator;
            namespace App;
            [MiddlewareGroup]
            public sealed class OrderMessage { }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0011", DiagnosticSeverity.Error, run, "OrderMessage",
            "'App.OrderMessage' is marked [MiddlewareGroup] but it is sealed, so no other message can derive from it; a group is an interface or a class that is neither sealed nor static, which messages implement or derive from");
    }

    [Fact]
    public void MED0011_near_miss_interface_and_open_class_groups()
    {
        var run = GeneratorRun.For("""
            using Mediator;
            namespace App;
            [MiddlewareGroup]
            public interface IOrderMessage { }
            [MiddlewareGroup]
            public abstract class BillingMessage { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    /// <summary>
    /// Such calls bind to the object overloads (issue 19) since <c>Send(object)</c> and <c>Publish(object)</c> exist, where the
    /// compiler used to reject them (CS1503, CS0311): the analyzer's MED0030, an error, is what keeps them from building.
    /// </summary>
    [Fact]
    public void Sending_a_notification_or_publishing_a_request_does_not_build()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            namespace App;
            public sealed record Ping : IRequest<int>;
            public sealed record Pinged : INotification;
            [Handler]
            public sealed class Handlers : IRequestHandler<Ping, int>, INotificationHandler<Pinged>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                public ValueTask Handle(Pinged notification, CancellationToken cancellationToken) => default;
            }
            public static class Caller
            {
                public static async Task Wrong(TestApp.Mediator mediator, IMediator viaInterface)
                {
                    await mediator.Send(new Pinged());
                    await viaInterface.Publish(new Ping());
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        var errors = AnalyzerRun.For(run.Output).Concat(run.CompilationErrors).Where(e => e.Severity == DiagnosticSeverity.Error).Select(e => e.Id).ToList();
        Assert.Equal(new[] { "MED0030", "MED0030" }, errors);
    }

    [Fact]
    public void MED0002_near_miss_several_handlers_of_one_notification_are_fine()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            namespace App;
            public sealed record Pinged : INotification;
            [Handler] public sealed class A : INotificationHandler<Pinged> { public ValueTask Handle(Pinged n, CancellationToken c) => default; }
            [Handler] public sealed class B : INotificationHandler<Pinged> { public ValueTask Handle(Pinged n, CancellationToken c) => default; }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0001_stream_request_without_handler()
    {
        var run = GeneratorRun.For("""
            using Mediator;
            namespace App;
            public sealed record Feed(int Count) : IStreamRequest<string>;
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AssertDiagnostic(diagnostic, "MED0001", DiagnosticSeverity.Error, run, "Feed",
            "Request 'App.Feed' has no handler: add a class marked [Handler] that implements IStreamRequestHandler<Feed, string>");
    }

    [Fact]
    public void MED0008_publish_side_middleware_never_wraps_requests()
    {
        var run = GeneratorRun.For("""
            using System.Threading;
            using System.Threading.Tasks;
            using Mediator;
            namespace App;
            public sealed record Ping : IRequest<int>;
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware(Direction = MiddlewareDirection.OnPublish)]
            public sealed class Enrich<TMessage, TResult> : IMiddleware<TMessage, TResult>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0008", diagnostic.Id);
        Assert.DoesNotContain("Enrich", run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text);
    }

    private static List<Diagnostic> Sorted(GeneratorRun run)
        => run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();

    private static string SpanText(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    private static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, GeneratorRun run, string spanText, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(spanText, SpanText(diagnostic));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/mediator-net/mediator/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        // Reported through the generator's own diagnostics output (where #pragma and .editorconfig reach it), not found elsewhere.
        Assert.Contains(diagnostic, run.GeneratorDiagnostics);
    }
}
