using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>Known generator bugs, each with the input that showed it.</summary>
public sealed class GeneratorFixesTests
{
    [Fact]
    public void File_local_handler_gets_MED0004_instead_of_generated_code_that_does_not_compile()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            [Handler]
            file sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "MED0004");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("PingHandler", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(
            "'App.PingHandler' is file-local: the generated mediator cannot reference it; make it internal or public, and every type it is nested in too",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    [Fact]
    public void File_local_request_gets_MED0004_and_the_generated_code_compiles()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            file sealed class Ping : IRequest<int> { }
            [Handler]
            internal sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "MED0004" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("file-local"));
        Assert.Empty(run.DiagnosticsInGeneratedCode);
    }

    [Fact]
    public void File_local_near_miss_internal_types_are_fine()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            internal sealed class Ping : IRequest<int> { }
            [Handler]
            internal sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Unmanaged_constraint_is_satisfied_by_an_unmanaged_response_so_no_MED0008()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Middleware("Numbers", 1, "where TRequest : IRequest<TResponse> where TResponse : unmanaged"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("global::App.Numbers<global::App.Ping, int>", run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text);
    }

    [Fact]
    public void Unmanaged_constraint_near_miss_a_string_response_still_gets_MED0008()
    {
        var run = GeneratorRun.For(
            Sources.Usings + """
                namespace App;
                public sealed class Name : IRequest<string> { }
                [Handler]
                public sealed class NameHandler : IRequestHandler<Name, string>
                {
                    public ValueTask<string> Handle(Name request, CancellationToken cancellationToken) => new("n");
                }
                """,
            Sources.Middleware("Numbers", 1, "where TRequest : IRequest<TResponse> where TResponse : unmanaged"));

        Assert.Equal("MED0008", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public async Task A_request_with_two_responses_handled_by_one_class_gets_a_pipeline_for_each()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public sealed class Both : IRequest<int>, IRequest<string> { }
            [Handler]
            public sealed class BothHandler : IRequestHandler<Both, int>, IRequestHandler<Both, string>
            {
                ValueTask<int> IRequestHandler<Both, int>.Handle(Both request, CancellationToken cancellationToken) => new(42);
                ValueTask<string> IRequestHandler<Both, string>.Handle(Both request, CancellationToken cancellationToken) => new("forty-two");
            }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    IMediator mediator = provider.GetRequiredService<TestApp.Mediator>();
                    var number = await mediator.Send<int>(new Both());
                    var text = await mediator.Send<string>(new Both());
                    return number + " " + text;
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.BothReturningintPipeline.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.BothReturningstringPipeline.g.cs");
        Assert.Equal("42 forty-two", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public async Task A_stream_request_with_two_item_types_handled_by_one_class_gets_a_pipeline_for_each()
    {
        // Before, the planner grouped stream handlers by request type only: one pipeline was kept, silently, and the
        // generic CreateStream<string> threw HandlerNotFoundException although a handler existed.
        var run = GeneratorRun.For(Sources.Usings + """
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            namespace App;
            public sealed class Both : IStreamRequest<int>, IStreamRequest<string> { }
            [Handler]
            public sealed class BothHandler : IStreamRequestHandler<Both, int>, IStreamRequestHandler<Both, string>
            {
                async IAsyncEnumerable<int> IStreamRequestHandler<Both, int>.Handle(Both request, CancellationToken cancellationToken)
                {
                    yield return 42;
                    await Task.CompletedTask;
                }

                async IAsyncEnumerable<string> IStreamRequestHandler<Both, string>.Handle(Both request, CancellationToken cancellationToken)
                {
                    yield return "forty-two";
                    await Task.CompletedTask;
                }
            }
            public static class Entry
            {
                public static async Task<string> Run()
                {
                    var services = new ServiceCollection();
                    services.AddMediator();
                    using var provider = services.BuildServiceProvider();
                    var typed = provider.GetRequiredService<TestApp.Mediator>();
                    IMediator mediator = typed;
                    var result = new List<string>();
                    await foreach (var number in mediator.CreateStream<int>(new Both())) result.Add(number.ToString());
                    await foreach (var text in mediator.CreateStream<string>(new Both())) result.Add(text);
                    await foreach (var number in typed.CreateStream(new Both())) result.Add("typed " + number);
                    return string.Join(" ", result);
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.BothReturningintStreamPipeline.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.BothReturningstringStreamPipeline.g.cs");
        Assert.Equal("42 forty-two typed 42", await CompiledApp.RunAsync(run));
    }

    [Fact]
    public void A_stream_request_with_one_item_type_keeps_its_plain_pipeline_name()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            using System.Collections.Generic;
            namespace App;
            public sealed class Count : IStreamRequest<int> { }
            [Handler]
            public sealed class CountHandler : IStreamRequestHandler<Count, int>
            {
                public async IAsyncEnumerable<int> Handle(Count request, CancellationToken cancellationToken)
                {
                    yield return 1;
                    await Task.CompletedTask;
                }
            }
            """);

        SnapshotTests.AssertClean(run);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.CountStreamPipeline.g.cs");
    }

    [Fact]
    public void Two_response_near_miss_one_response_keeps_its_plain_pipeline_name()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler);

        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.PingPipeline.g.cs");
    }

    [Fact]
    public void A_middleware_with_both_notification_contracts_wraps_notifications_through_the_plain_one()
    {
        // IMiddleware<T, TResult> implicitly, INotificationMiddleware<T> explicitly: requests go through the first, a
        // notification through the second (the cheaper ValueTask layer), and the generated code says so with a cast.
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed record Ping : IRequest<int>;
            public sealed record Pinged : INotification;
            [Handler] public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Handler] public sealed class PingedHandler : INotificationHandler<Pinged>
            {
                public ValueTask Handle(Pinged notification, CancellationToken cancellationToken) => default;
            }
            [Middleware]
            public sealed class Both<TMessage, TResult> : IMiddleware<TMessage, TResult>, INotificationMiddleware<TMessage>
            {
                public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                    where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
                ValueTask INotificationMiddleware<TMessage>.InvokeAsync<TNext>(TMessage notification, TNext next, MessageContext context)
                    => next.InvokeAsync(notification, context);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        var notification = run.GeneratedSources.Single(s => s.HintName == "Mediator.PingedNotificationPipeline.g.cs").Text;
        Assert.True(notification.Contains("((global::Mediator.INotificationMiddleware<global::App.Pinged>)_pipeline._step0).InvokeAsync(", StringComparison.Ordinal), notification);
        var request = run.GeneratedSources.Single(s => s.HintName == "Mediator.PingPipeline.g.cs").Text;
        Assert.True(request.Contains("_step0.InvokeAsync(request, new Next1", StringComparison.Ordinal), request);
        Assert.DoesNotContain("INotificationMiddleware", request);
    }
}
