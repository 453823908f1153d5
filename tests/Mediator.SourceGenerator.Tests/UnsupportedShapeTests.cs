using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Shapes the generator cannot support get one diagnostic on the user's declaration (or the compiler's own error), never
/// generated code that fails: struct handlers, ref struct messages, the library's types declared again in the project,
/// and C# versions below 8. Each with a near miss.
/// </summary>
public sealed class UnsupportedShapeTests
{
    [Fact]
    public void A_Handler_attribute_on_a_struct_or_record_struct_is_the_compilers_error_alone()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class Pong : IRequest<int> { }
            [Handler]
            public struct PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Handler]
            public record struct PongHandler : IRequestHandler<Pong, int>
            {
                public ValueTask<int> Handle(Pong request, CancellationToken cancellationToken) => new(2);
            }
            """);

        Assert.Equal(new[] { "CS0592", "CS0592" }, run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        AssertOnlyTheCompilersErrors(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("PongHandler") || s.Text.Contains("PingHandler"));
    }

    [Fact]
    public void A_Handler_attribute_on_a_struct_near_miss_a_record_class_handler_is_wired()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Pong : IRequest<int> { }
            [Handler]
            public sealed record PongHandler : IRequestHandler<Pong, int>
            {
                public ValueTask<int> Handle(Pong request, CancellationToken cancellationToken) => new(2);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.PongPipeline.g.cs" && s.Text.Contains("global::App.PongHandler"));
    }

    /// <summary>
    /// Before C# 13 (and on the Roslyn the tests run, 4.8) a ref struct cannot implement an interface: CS8343. The
    /// generator says nothing: no MED0001 or MED0010 for messages nobody can declare, and no notification pipeline that
    /// names the ref struct as a type argument. From C# 13 the declaration compiles and MED0037 says why it can never be
    /// dispatched (checked with the SDK's compiler; see docs/diagnostics/MED0037.md).
    /// </summary>
    [Fact]
    public void A_ref_struct_message_before_CSharp_13_is_the_compilers_error_alone()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public ref struct Parse : IRequest<int> { }
            public ref struct Parsed : INotification { }
            public ref struct Lines : IStreamRequest<string> { }
            """);

        Assert.Equal(new[] { "CS8343", "CS8343", "CS8343" }, run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id));
        AssertOnlyTheCompilersErrors(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("App.Parsed"));
    }

    [Fact]
    public void A_ref_struct_message_near_miss_a_readonly_struct_message_gets_its_pipeline()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public readonly struct Parse : IRequest<int> { }
            [Handler]
            public sealed class ParseHandler : IRequestHandler<Parse, int>
            {
                public ValueTask<int> Handle(Parse request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.ParsePipeline.g.cs");
    }

    [Fact]
    public void A_ref_struct_handed_to_a_handler_contract_is_the_compilers_error_alone()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<System.Span<int>> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, System.Span<int>>
            {
                public ValueTask<System.Span<int>> Handle(Ping request, CancellationToken cancellationToken) => default;
            }
            """);

        Assert.NotEmpty(run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        AssertOnlyTheCompilersErrors(run);
        Assert.DoesNotContain(run.GeneratedSources, s => s.Text.Contains("Span"));
    }

    [Fact]
    public void MED0009_a_per_message_middleware_whose_constructor_takes_a_ref_struct()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class LimitAttribute : System.Attribute { }
            [Middleware]
            public sealed class Limited<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public Limited(LimitAttribute limit, System.Span<byte> scratch) { }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(
            diagnostic,
            "MED0009",
            DiagnosticSeverity.Error,
            "Limited",
            "'App.Limited<TRequest, TResponse>' cannot be used as middleware: its constructor takes 'System.Span<byte>' ('scratch'), a ref struct or pointer, which the generated code cannot take from the container to build it for each message");
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void MED0009_near_miss_a_middleware_resolved_from_the_container_may_take_services_built_on_its_type_parameters()
    {
        var run = GeneratorRun.For(Sources.PingAndHandler, Sources.Usings + """
            namespace App;
            public interface IRule<T> { }
            [Middleware]
            public sealed class Ruled<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public Ruled(System.Collections.Generic.IEnumerable<IRule<TRequest>> rules) { }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
    }

    /// <summary>
    /// <c>IClock clock = null</c> without <c>?</c> warns once in the user's code (CS8625); the generated code, always
    /// <c>#nullable enable</c>, passes the same default and must not warn again where the user cannot reach it.
    /// </summary>
    [Fact]
    public void A_service_parameter_defaulting_to_null_without_an_annotation_adds_no_warning_in_generated_code()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            public interface IClock { }
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class LimitAttribute : System.Attribute { }
            [Limit]
            public sealed class Ping : IRequest<int> { }
            [Handler]
            public sealed class PingHandler : IRequestHandler<Ping, int>
            {
                public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
            }
            [Middleware]
            public sealed class Limited<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            {
                public Limited(LimitAttribute limit, IClock clock = null) { }
                public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                    where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
            }
            """);

        Assert.Equal("CS8625", Assert.Single(run.Input.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Warning).Id);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Assert.Contains("default(global::App.IClock)!", run.GeneratedSources.Single(s => s.HintName == "Mediator.ServiceCollectionExtensions.g.cs").Text);
    }

    [Fact]
    public void MED0039_the_library_contract_declared_again_in_the_project()
    {
        var run = GeneratorRun.For(
            Sources.PingAndHandler,
            """
            namespace Mediator
            {
                public interface IRequest<TResponse> { }
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        AnalyzerRun.AssertDiagnostic(
            diagnostic,
            "MED0039",
            DiagnosticSeverity.Error,
            "IRequest",
            "'Mediator.IRequest<TResponse>' is declared in this project and hides the type of the same name in CompiledMediator.Abstractions (warning CS0436); the generated code names it, and would get this declaration instead, so no mediator was generated. Rename it, or move it to a namespace of the project's own.");
        Assert.Empty(run.GeneratedSources);
        Assert.Contains(run.Input.GetDiagnostics(), d => d.Id == "CS0436");
    }

    [Fact]
    public void MED0039_the_library_attribute_declared_again_in_a_nested_namespace_and_at_its_root()
    {
        var run = GeneratorRun.For(
            Sources.PingAndHandler,
            """
            namespace Mediator
            {
                public sealed class HandlerAttribute : System.Attribute { }
                namespace Publishing
                {
                    public static class PublishRuntime { }
                }
            }
            """);

        Assert.Equal(
            new[]
            {
                "'Mediator.HandlerAttribute' is declared in this project and hides the type of the same name in CompiledMediator.Abstractions (warning CS0436)",
                "'Mediator.Publishing.PublishRuntime' is declared in this project and hides the type of the same name in CompiledMediator (warning CS0436)",
            },
            run.GeneratorDiagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split(';')[0]).OrderBy(m => m, StringComparer.Ordinal));
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("MED0039", d.Id));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void MED0039_near_miss_types_of_the_project_in_the_Mediator_namespace_that_the_library_does_not_declare()
    {
        var run = GeneratorRun.For(
            Sources.PingAndHandler,
            """
            namespace Mediator
            {
                internal static class MyMediatorHelpers { }
                namespace Extensions { public sealed class Options { } }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.PingPipeline.g.cs");
    }

    [Fact]
    public void MED0038_below_CSharp_8_generates_nothing_and_says_so_once()
    {
        var run = GeneratorRun.At(
            LanguageVersion.CSharp7_3,
            Sources.Usings + """
            namespace App
            {
                public sealed class Ping : IRequest<int> { }
                public sealed class Orphan : IRequest<int> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { return new ValueTask<int>(1); }
                }
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MED0038", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(
            "The mediator generator needs C# 8 or later, and this project compiles as C# 7.3; no mediator was generated. Set <LangVersion>8</LangVersion> or later in the project file (or remove LangVersion to use the target framework's default).",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void MED0038_near_miss_CSharp_8_generates_code_that_compiles_at_CSharp_8()
    {
        var run = GeneratorRun.At(
            LanguageVersion.CSharp8,
            Sources.Usings + """
            namespace App
            {
                public sealed class Ping : IRequest<int> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) { return new ValueTask<int>(1); }
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationErrors);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Mediator.PingPipeline.g.cs");
    }

    /// <summary>No MED diagnostic, no error or warning in generated code, and every error of the output is one of the input's.</summary>
    internal static void AssertOnlyTheCompilersErrors(GeneratorRun run)
    {
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        var before = run.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => (d.Id, d.Location.GetLineSpan())).ToHashSet();
        Assert.All(run.CompilationErrors, e => Assert.Contains((e.Id, e.Location.GetLineSpan()), before));
    }
}
