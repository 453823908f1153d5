using System.Collections.Immutable;
using Mediator.SourceGenerator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mediator.SourceGenerator.Tests;

/// <summary>The analyzers' diagnostics obey #pragma and .editorconfig, as the docs pages promise.</summary>
public sealed class AnalyzerSuppressionTests
{
    private const string CountingMiddleware = Sources.Usings + """
        namespace App;
        [Middleware]
        public sealed class Counting<TRequest, TResponse> : IRequestMiddleware<TRequest, TResponse>
        {
        #pragma warning disable MED0032 // a per-instance counter, read only by tests
            private int _count;
        #pragma warning restore MED0032
            private int _other;
            public ValueTask<TResponse> InvokeAsync<TNext>(TRequest request, TNext next, MessageContext context)
                where TNext : struct, INext<TRequest, TResponse>
            {
                _count += _other;
                return next.InvokeAsync(request, context);
            }
        }
        """;

    [Fact]
    public void Pragma_disables_an_analyzer_diagnostic_between_disable_and_restore()
    {
        var diagnostics = AnalyzerRun.For(Sources.PingAndHandler, CountingMiddleware);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("_other", AnalyzerRun.SpanText(diagnostic));
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public void Editorconfig_severity_applies_to_an_analyzer_diagnostic(string setting, DiagnosticSeverity? expected)
    {
        var editorconfig = AnalyzerConfig.Parse($"""
            root = true
            [*.cs]
            dotnet_diagnostic.MED0032.severity = {setting}
            """, "/src/.editorconfig");
        var treeOptions = AnalyzerConfigSet.Create(ImmutableArray.Create(editorconfig)).GetOptionsForSourcePath("/src/File1.cs").TreeOptions;
        var compilation = GeneratorRun.For(Sources.PingAndHandler, CountingMiddleware).Output;
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new EditorconfigProvider(treeOptions)));

        var diagnostics = AnalyzerRun.For(compilation);

        if (expected is null)
        {
            Assert.Empty(diagnostics);
        }
        else
        {
            Assert.Equal(expected, Assert.Single(diagnostics).Severity);
        }
    }

    /// <summary>What the compiler builds from .editorconfig files, for one file's settings applied to every tree.</summary>
    private sealed class EditorconfigProvider(ImmutableDictionary<string, ReportDiagnostic> treeOptions) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => treeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
