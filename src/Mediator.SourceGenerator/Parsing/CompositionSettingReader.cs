using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads <c>MediatorComposeModules</c> (made visible to the compiler by the package's <c>buildTransitive/CompiledMediator.props</c>):
/// whether this project composes the modules it references (the default) or keeps only its own handlers.
/// </summary>
internal static class CompositionSettingReader
{
    public const string ComposeModulesProperty = "MediatorComposeModules";

    /// <summary>
    /// False only for <c>false</c> (any case, trimmed), as MSBuild compares booleans; unset, empty or any other value keeps
    /// the default, so composing is only turned off by saying so.
    /// </summary>
    public static bool ComposesModules(AnalyzerConfigOptions options)
        => !(options.TryGetValue("build_property." + ComposeModulesProperty, out var value)
             && string.Equals(value?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
}
