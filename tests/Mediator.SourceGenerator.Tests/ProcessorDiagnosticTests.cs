using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>The processor shapes the generator refuses or warns about (MED0050 to MED0053), each on its class name.</summary>
public sealed class ProcessorDiagnosticTests
{
    private const string Host = """
        using System;
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

        public sealed record Unhandled : IRequest<int>;
        """;

    private static Diagnostic Single(string source, string id)
    {
        var run = GeneratorRun.For(Host, "using System; using System.Threading; using System.Threading.Tasks; using Mediator; namespace App;\n" + source);
        // MED0001 is the unhandled request's own error, reported as before.
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id != "MED0001");
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains("class", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start - 20, 20), StringComparison.Ordinal);
        return diagnostic;
    }

    [Fact]
    public void A_class_that_is_a_pre_and_a_post_processor_is_MED0050()
    {
        var diagnostic = Single("""
            [Middleware]
            public sealed class Both : IRequestPreProcessor<Ping>, IRequestPostProcessor<Ping, int>
            {
                public ValueTask Process(Ping request, CancellationToken cancellationToken) => default;
                public ValueTask Process(Ping request, int response, CancellationToken cancellationToken) => default;
            }
            """, "MED0050");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("'App.Both' is a pre-processor and a post-processor; one class is one step of a pipeline: split it into one class per step", diagnostic.GetMessage());
    }

    [Fact]
    public void A_processor_that_is_also_a_middleware_or_handles_two_exception_types_is_MED0050()
    {
        Assert.Equal(
            "'App.Mixed<TRequest, TResponse>' is a middleware and a pre-processor; one class is one step of a pipeline: split it into one class per step",
            Single("""
                [Middleware]
                public sealed class Mixed<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>, IRequestPreProcessor<TRequest>
                {
                    public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                        where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
                    public ValueTask Process(TRequest request, CancellationToken cancellationToken) => default;
                }
                """, "MED0050").GetMessage());
        Assert.Equal(
            "'App.Two' is an exception step for 2 exception types; one class is one step of a pipeline: split it into one class per step",
            Single("""
                [Middleware]
                public sealed class Two : IRequestExceptionAction<Ping, ArgumentException>, IRequestExceptionAction<Ping, InvalidOperationException>
                {
                    public ValueTask Execute(Ping request, ArgumentException exception, CancellationToken cancellationToken) => default;
                    public ValueTask Execute(Ping request, InvalidOperationException exception, CancellationToken cancellationToken) => default;
                }
                """, "MED0050").GetMessage());
    }

    [Fact]
    public void An_exception_type_taken_from_a_type_parameter_is_MED0051()
    {
        var diagnostic = Single("""
            [Middleware]
            public sealed class Any<TRequest, TException> : IRequestExceptionAction<TRequest, TException> where TException : Exception
            {
                public ValueTask Execute(TRequest request, TException exception, CancellationToken cancellationToken) => default;
            }
            """, "MED0051");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "'App.Any<TRequest, TException>' takes its exception type from the type parameter 'TException'; which exceptions a pipeline step catches is decided at compile time: write a concrete exception type (System.Exception sees every exception)",
            diagnostic.GetMessage());
    }

    [Fact]
    public void A_processor_for_a_message_nothing_handles_is_MED0052_and_not_MED0008()
    {
        var diagnostic = Single("""
            [Middleware]
            public sealed class Stamp : IRequestPreProcessor<Unhandled>
            {
                public ValueTask Process(Unhandled request, CancellationToken cancellationToken) => default;
            }
            """, "MED0052");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "Pre-processor 'App.Stamp' is in no pipeline: no handled request or stream in this project satisfies its contract and its generic constraints",
            diagnostic.GetMessage());
    }

    [Fact]
    public void An_exception_handler_written_for_another_response_is_MED0053()
    {
        var diagnostic = Single("""
            [Middleware]
            public sealed class AsText : IRequestExceptionHandler<Ping, string, Exception>
            {
                public ValueTask Handle(Ping request, Exception exception, RequestExceptionHandlerState<string> state, CancellationToken cancellationToken) => default;
            }
            """, "MED0053");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(
            "Exception handler 'App.AsText' never runs: it is written for the result 'string', and 'App.Ping' has the result 'int'; write the response type the request declares (Unit for a request without one)",
            diagnostic.GetMessage());
    }

    [Fact]
    public void An_explicit_processor_named_nowhere_is_not_reported()
    {
        var run = GeneratorRun.For(Host, """
            using System.Threading; using System.Threading.Tasks; using Mediator; namespace App;
            [Middleware(Explicit = true)]
            public sealed class Stamp : IRequestPreProcessor<Unhandled>
            {
                public ValueTask Process(Unhandled request, CancellationToken cancellationToken) => default;
            }
            """);
        Assert.Equal("MED0001", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void A_processor_without_Middleware_is_MED0034_like_a_middleware()
    {
        var diagnostics = AnalyzerRun.For(Sources.Usings + """
            namespace App;
            public sealed class Ping : IRequest<int> { }
            public sealed class Stamp<TRequest> : IRequestPreProcessor<TRequest>
            {
                public ValueTask Process(TRequest request, CancellationToken cancellationToken) => default;
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        AnalyzerRun.AssertDiagnostic(diagnostic, "MED0034", DiagnosticSeverity.Warning, "Stamp",
            "'App.Stamp<TRequest>' implements IRequestPreProcessor<TRequest> but is not marked [Middleware], and the generator only wires classes marked [Middleware]: add [Middleware], or make the class abstract if it is a base class");
        Assert.Equal("Middleware", diagnostic.Properties["Attribute"]);
    }
}
