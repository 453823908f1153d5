using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Mediator.SourceGenerator.Tests;

/// <summary>
/// A type that does not resolve, at any depth, never reaches generated code: the declaration that names it is left out,
/// the generator says nothing, and the compiler's own errors are the only ones (none in generated files). Each case is
/// run twice: with a type that resolves (the near miss, which must work as before) and with one that does not.
/// </summary>
public sealed class UnresolvedTypeTests
{
    private const string App = Sources.Usings + """
        using System.Collections.Generic;
        namespace App;
        public interface IAudited { }
        public interface IKeyed<TKey> { }
        public sealed class Ping : IRequest<int>, IAudited, IKeyed<int> { }
        [Handler]
        public sealed class PingHandler : IRequestHandler<Ping, int>
        {
            public ValueTask<int> Handle(Ping request, CancellationToken cancellationToken) => new(1);
        }
        public sealed record Wrap<T>(T Value) : IRequest<int>;

        """;

    private const string Audit = """
        [Middleware]
        public sealed class Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
            where TRequest : CONSTRAINT
        {
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse> => next.InvokeAsync(request, context);
        }
        """;

    private const string WrapHandler =
        "[Handler] public sealed class WrapHandler : IRequestHandler<Wrap<TYPE>, int> { public ValueTask<int> Handle(Wrap<TYPE> request, CancellationToken cancellationToken) => new(2); }\n";

    /// <summary>
    /// Each case: what it is, the declarations, where TYPE stands for <paramref name="resolving"/> in the near miss and
    /// for <c>Missing</c> otherwise, and a text the near miss generates.
    /// </summary>
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // A constraint over a missing type used to count as satisfied: the middleware wrapped every message, and each
        // pipeline repeated the compiler's error.
        { "middleware constrained on the type", Audit.Replace("CONSTRAINT", "TYPE"), "IAudited", "Audit<global::App.Ping, int>" },
        { "middleware constrained on a generic type over it", Audit.Replace("CONSTRAINT", "IKeyed<TYPE>"), "int", "Audit<global::App.Ping, int>" },
        { "handler of a generic request over it", WrapHandler, "int", "class Wrap_intPipeline" },
        {
            "handler answering a generic type over it",
            "public sealed class Lost : IRequest<List<TYPE>> { }\n[Handler] public sealed class LostHandler : IRequestHandler<Lost, List<TYPE>> { public ValueTask<List<TYPE>> Handle(Lost request, CancellationToken cancellationToken) => new(new List<TYPE>()); }",
            "int",
            "class LostPipeline"
        },
        {
            "middleware whose contract is over it",
            WrapHandler + Audit.Replace("Audit<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>", "WrapAudit : IRequestMiddleware<Wrap<TYPE>, int>")
                .Replace("where TRequest : CONSTRAINT", string.Empty).Replace("ValueTask<TResponse> InvokeAsync", "ValueTask<int> InvokeAsync")
                .Replace("(TRequest request", "(Wrap<TYPE> request").Replace("INext<TRequest, TResponse>", "INext<Wrap<TYPE>, int>"),
            "int",
            "global::App.WrapAudit _step0"
        },
        {
            "middleware whose constructor takes it",
            Audit.Replace("CONSTRAINT", "IAudited").Replace("{\n    public ValueTask", "{\n    public Audit(ObsoleteAttribute? settings, IList<TYPE> items) { }\n    public ValueTask"),
            "int",
            "new global::App.Audit<global::App.Ping, int>"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_the_compiler_reports_a_type_that_does_not_resolve(string description, string declarations, string resolving, string nearMissGenerates)
    {
        var source = "using System;\n" + App + declarations;
        var nearMiss = GeneratorRun.For(source.Replace("TYPE", resolving));
        var broken = GeneratorRun.For(source.Replace("TYPE", "Missing"));

        Assert.Empty(nearMiss.GeneratorDiagnostics);
        Assert.Empty(nearMiss.CompilationErrors);
        Assert.Contains(nearMiss.GeneratedSources, s => s.Text.Contains(nearMissGenerates, StringComparison.Ordinal));

        Assert.DoesNotContain(broken.GeneratedSources, s => s.Text.Contains("Missing", StringComparison.Ordinal));
        Assert.Empty(broken.GeneratorDiagnostics);
        Assert.Empty(broken.DiagnosticsInGeneratedCode);
        var userErrors = broken.Input.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(userErrors);
        Assert.True(
            userErrors.SequenceEqual(broken.CompilationErrors.Select(d => d.ToString()).Order(StringComparer.Ordinal)),
            description + ": " + string.Join("\n", broken.CompilationErrors));
    }
}
