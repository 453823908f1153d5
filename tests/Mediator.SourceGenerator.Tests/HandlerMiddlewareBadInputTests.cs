using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// <c>[UseMiddleware]</c> on classes with input the generator must survive: a clear diagnostic (or the compiler's own
/// error), never a generator exception, never an error inside generated code.
/// </summary>
public sealed class HandlerMiddlewareBadInputTests
{
    private const string Retry = """
        [Middleware(Explicit = true)]
        public sealed class Retry<TMessage, TResult> : IMiddleware<TMessage, TResult>
        {
            public ValueTask<TResult> InvokeAsync<TNext>(TMessage message, TNext next, MessageContext context)
                where TNext : struct, INext<TMessage, TResult> => next.InvokeAsync(message, context);
        }
        """;

    private static string Handler(string attributes, string modifiers = "sealed") => Sources.Usings + $$"""
        namespace App;
        public sealed class Ping : IRequest<int> { }
        [Handler]
        {{attributes}}
        public {{modifiers}} class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        """ + Retry;

    private static readonly string Limited = Handler("[UseMiddleware(typeof(Limited<,>))]") + """

        public sealed class LimitAttribute : System.Attribute { }

        [Middleware(Explicit = true)]
        public sealed class Limited<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        {
            public Limited(LimitAttribute limit) { }
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    /// <summary>Description, source, the generator diagnostic expected (or null), the compiler error expected (or null).</summary>
    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        { "null instead of a type", Handler("[UseMiddleware(null!)]"), null, null },
        { "typeof of a type that does not exist", Handler("[UseMiddleware(typeof(Missing<,>))]"), null, "CS0246" },
        { "no argument", Handler("[UseMiddleware]"), null, "CS7036" },
        { "an Order of the wrong type", Handler("[UseMiddleware(typeof(Retry<,>), Order = \"first\")]"), null, "CS0029" },
        { "typeof(int)", Handler("[UseMiddleware(typeof(int))]"), "MED0027", null },
        { "the handler itself", Handler("[UseMiddleware(typeof(PingHandler))]"), "MED0027", null },
        { "a closed generic middleware, read as its open definition", Handler("[UseMiddleware(typeof(Retry<string, string>))]"), null, null },
        { "on an abstract handler", Handler("[UseMiddleware(typeof(Retry<,>))]", "abstract"), "MED0005", null },
        {
            "a middleware whose own shape is unsupported",
            Handler("[UseMiddleware(typeof(Broken<>))]") + """

                [Middleware(Explicit = true)]
                public sealed class Broken<T> : IRequestMiddleware<T[], int>
                {
                    public ValueTask<int> InvokeAsync<TNext>(T[] request, TNext next, MessageContext context)
                        where TNext : struct, INext<T[], int> => next.InvokeAsync(request, context);
                }
                """,
            "MED0009",
            null
        },
        { "a middleware configured by an attribute the message does not carry", Limited, "MED0027", null },
        { "on a static class", Sources.Usings + "namespace App;\n[UseMiddleware(typeof(Retry<,>))]\npublic static class Helpers { }\n" + Retry, "MED0026", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_survives_and_its_output_compiles(string description, string source, string? expectedDiagnostic, string? expectedCompilerError)
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

        if (expectedCompilerError is null)
        {
            Assert.Empty(run.CompilationErrors);
        }
        else
        {
            Assert.Contains(run.CompilationErrors, d => d.Id == expectedCompilerError);
        }
    }

    [Fact]
    public void The_attribute_configured_middleware_says_which_attribute_is_missing()
    {
        var diagnostic = Assert.Single(GeneratorRun.For(Limited).GeneratorDiagnostics);

        Assert.Equal(
            "[UseMiddleware] on 'App.PingHandler' names 'App.Limited<TRequest, TResponse>', which cannot wrap it: its constructor takes [App.LimitAttribute], and 'App.Ping' does not carry it",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
