using System.Collections.Immutable;
using Mediator.SourceGenerator.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Tests.Infrastructure;

/// <summary>Runs the generator, then every analyzer over its output, as the compiler does in a build.</summary>
internal static class AnalyzerRun
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> All = ImmutableArray.Create<DiagnosticAnalyzer>(
        new WrongDispatchMethodAnalyzer(),
        new MiddlewareNeverCallsNextAnalyzer(),
        new MutableMiddlewareStateAnalyzer(),
        new BlockingCallAnalyzer(),
        new MissingAttributeAnalyzer(),
        new NeverAMessageAnalyzer(),
        new SeveralResponsesSentAsObjectAnalyzer());

    /// <summary>Analyzer diagnostics in source order.</summary>
    public static IReadOnlyList<Diagnostic> For(params string[] sources) => For(GeneratorRun.For(sources).Output);

    /// <summary>Also fails the test when an analyzer throws, which a build would only show as a warning AD0001.</summary>
    public static IReadOnlyList<Diagnostic> For(Compilation compilation)
    {
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var diagnostics = compilation
            .WithAnalyzers(All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Assert.Empty(exceptions);
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();
    }

    public static string SpanText(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    public static void AssertDiagnostic(Diagnostic diagnostic, string id, DiagnosticSeverity severity, string spanText, string message)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(spanText, SpanText(diagnostic));
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal($"https://github.com/mediator-net/mediator/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }
}
