using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// Input the generator must survive: each case yields correct generated code or a clear diagnostic, never a
/// generator exception (MED0003, or the driver's CS8785) and never an error inside generated code.
/// </summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string, string?> Cases => new()
    {
        {
            "handler whose method has the wrong signature",
            Sources.Usings + """
                namespace App;
                public sealed class Ping : IRequest<int> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public Task<int> Handle(Ping request, CancellationToken cancellationToken) => Task.FromResult(1);
                }
                """,
            null
        },
        {
            "open generic request and handler",
            Sources.Usings + """
                namespace App;
                public sealed class Envelope<T> : IRequest<T> { }
                [Handler]
                public sealed class EnvelopeHandler<T> : IRequestHandler<Envelope<T>, T>
                {
                    public ValueTask<T> Handle(Envelope<T> request, CancellationToken cancellationToken) => default;
                }
                """,
            "MED0005"
        },
        {
            "private nested handler",
            Sources.Usings + """
                namespace App;
                public sealed class Ping : IRequest<int> { }
                public class Outer
                {
                    [Handler]
                    private sealed class PingHandler : IRequestHandler<Ping, int>
                    {
                        public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                    }
                }
                """,
            "MED0004"
        },
        {
            "private nested request",
            Sources.Usings + """
                namespace App;
                public class Outer
                {
                    private sealed class Secret : IRequest<int> { }
                    [Handler]
                    internal sealed class SecretHandler : IRequestHandler<Secret, int>
                    {
                        public ValueTask<int> Handle(Secret request, CancellationToken cancellationToken) => new(1);
                    }
                }
                """,
            "MED0004"
        },
        {
            "handler and request in the global namespace",
            Sources.Usings + """
                public sealed class Ping : IRequest<int> { }
                [Handler]
                public sealed class PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
                """,
            null
        },
        {
            "record, record struct and partial requests",
            Sources.Usings + """
                namespace App;
                public sealed record R(int X) : IRequest<int>;
                public record struct S(int X) : IRequest<int>;
                public partial class P : IRequest { }
                public partial class P { }
                [Handler]
                public sealed class H : IRequestHandler<R, int>, IRequestHandler<S, int>, IRequestHandler<P>
                {
                    public ValueTask<int> Handle(R request, CancellationToken cancellationToken) => new(1);
                    public ValueTask<int> Handle(S request, CancellationToken cancellationToken) => new(2);
                    public ValueTask Handle(P request, CancellationToken cancellationToken) => default;
                }
                """,
            null
        },
        {
            "two requests with the same name in different namespaces",
            Sources.Usings + """
                namespace A { public sealed class Get : IRequest<int> { } [Handler] public sealed class H : IRequestHandler<Get, int> { public ValueTask<int> Handle(Get r, CancellationToken c) => new(1); } }
                namespace B { public sealed class Get : IRequest<int> { } [Handler] public sealed class H : IRequestHandler<Get, int> { public ValueTask<int> Handle(Get r, CancellationToken c) => new(2); } }
                """,
            null
        },
        {
            "middleware whose constraints match no request",
            Sources.PingAndHandler + Sources.Middleware("Picky", 1, "where TRequest : IRequest<TResponse>, System.IDisposable").Substring(Sources.Usings.Length),
            "MED0008"
        },
        {
            "a file with unrelated compile errors",
            Sources.PingAndHandler + """
                namespace App
                {
                    public class Broken
                    {
                        public void M() { int x = "not an int"; UnknownType y = null; }
                    }
                }
                """,
            null
        },
        {
            "handler implementing a contract over a type that does not exist",
            Sources.Usings + """
                namespace App;
                [Handler]
                public sealed class Ghost : IRequestHandler<MissingRequest, int>
                {
                    public ValueTask<int> Handle(MissingRequest request, CancellationToken cancellationToken) => new(1);
                }
                """,
            null
        },
        {
            "middleware that uses its type parameter inside an array",
            Sources.PingAndHandler + """
                namespace App
                {
                    [Middleware]
                    public sealed class Arrays<TRequest, TResponse> : IRequestMiddleware<TRequest[], TResponse>
                    {
                        public ValueTask<TResponse> InvokeAsync<TNext>(TRequest[] request, TNext next, MessageContext context)
                            where TNext : struct, INext<TRequest[], TResponse> => next.InvokeAsync(request, context);
                    }
                }
                """,
            "MED0009"
        },
        {
            "abstract and static classes marked as middleware",
            Sources.PingAndHandler + """
                namespace App
                {
                    [Middleware]
                    public abstract class Base<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
                    {
                        public abstract ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                            where TNext : struct, INext<TRequest, TResponse>;
                    }
                }
                """,
            "MED0009"
        },
        {
            "an attribute on a record class handler",
            Sources.Usings + """
                namespace App;
                public sealed class Ping : IRequest<int> { }
                [Handler]
                public sealed record PingHandler : IRequestHandler<Ping, int>
                {
                    public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
                }
                """,
            null
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_survives_and_its_output_compiles(string description, string source, string? expectedDiagnostic)
    {
        var run = GeneratorRun.For(source);

        Assert.True(run.Result.Results.All(r => r.Exception is null), description);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "MED0003" or "CS8784" or "CS8785");
        Assert.Empty(run.DiagnosticsInGeneratedCode);
        MediatorOutput.AssertWrittenExactlyWhenSomethingIsHandled(run);
        if (expectedDiagnostic is null)
        {
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
        else
        {
            Assert.Contains(run.GeneratorDiagnostics, d => d.Id == expectedDiagnostic);
        }

        Snapshot.Verify("BadInput_" + string.Concat(description.Select(c => char.IsLetterOrDigit(c) ? c : '_')), run);
    }

    [Fact]
    public void Handler_over_a_missing_type_leaves_the_explanation_to_the_compiler()
    {
        var run = GeneratorRun.For(Sources.Usings + """
            namespace App;
            [Handler]
            public sealed class Ghost : IRequestHandler<MissingRequest, int>
            {
                public ValueTask<int> Handle(MissingRequest request, CancellationToken cancellationToken) => new(1);
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.CompilationErrors, d => d.Id == "CS0246");
    }

    [Fact]
    public void Handler_for_a_request_internal_to_another_assembly_leaves_the_error_to_the_compiler()
    {
        var contracts = GeneratorRun.CreateCompilation(new[] { "namespace Contracts; internal sealed class Hidden : Mediator.IRequest<int> { }" }, assemblyName: "Contracts");
        using var stream = new MemoryStream();
        Assert.True(contracts.Emit(stream).Success);

        var run = GeneratorRun.For(
            new[]
            {
                Sources.Usings + """
                    namespace App;
                    [Handler]
                    public sealed class H : IRequestHandler<Contracts.Hidden, int>
                    {
                        public ValueTask<int> Handle(Contracts.Hidden request, CancellationToken cancellationToken) => new(1);
                    }
                    """,
            },
            new[] { MetadataReference.CreateFromImage(stream.ToArray()) });

        Assert.Empty(run.DiagnosticsInGeneratedCode);
        Assert.All(run.Result.Results, r => Assert.Null(r.Exception));
        Assert.Contains(run.CompilationErrors, d => d.Id == "CS0122");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
