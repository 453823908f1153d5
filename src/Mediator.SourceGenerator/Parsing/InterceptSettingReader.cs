using Mediator.SourceGenerator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Whether the Roslyn 4.14 build writes interceptors (docs/interceptors.md): on unless
/// <c>&lt;MediatorInterceptCalls&gt;false&lt;/MediatorInterceptCalls&gt;</c>, and only where they compile: C# 11 or later
/// (the generated attribute and class are <c>file</c> types) and the interceptors' namespace opted in through
/// <c>InterceptorsNamespaces</c> (the package's build/CompiledMediator.targets adds it).
/// </summary>
internal static class InterceptSettingReader
{
    /// <summary>The MSBuild property that turns interceptors off (a CompilerVisibleProperty of the package's props).</summary>
    public const string InterceptCallsProperty = "MediatorInterceptCalls";

    public static InterceptSettings Read(AnalyzerConfigOptions options, ParseOptions parseOptions)
    {
        if (options.TryGetValue("build_property." + InterceptCallsProperty, out var raw)
            && string.Equals(raw?.Trim(), "false", StringComparison.OrdinalIgnoreCase))
        {
            return new InterceptSettings(false);
        }

        return new InterceptSettings(
            parseOptions is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 }
            && (OptsIn(parseOptions, "InterceptorsNamespaces") || OptsIn(parseOptions, "InterceptorsPreviewNamespaces")));
    }

    private static bool OptsIn(ParseOptions parseOptions, string feature)
        => parseOptions.Features.TryGetValue(feature, out var namespaces)
            && namespaces.Split(';').Any(n => n.Trim() == Emitting.InterceptorEmitter.Namespace);
}
