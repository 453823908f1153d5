using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Parsing;

/// <summary>
/// Reads <c>MediatorComposeModules</c> (made visible to the compiler by the package's <c>buildTransitive/CompiledMediator.props</c>):
/// whether this project composes the modules it references (the default) or keeps only its own handlers.
/// </summary>
internal static class CompositionSettingReader
{
    public const string ComposeModulesProperty = "MediatorComposeModules";

    /// <summary>The values the property accepts (any case, trimmed), as MSBuild writes booleans; unset or empty is the default.</summary>
    public const string AcceptedValues = "'true' (the default) or 'false'";

    /// <summary>
    /// False only for <c>false</c>; unset, empty or <c>true</c> composes. Any other value composes too (the default, so
    /// composing is only turned off by saying so) and is reported (MED0048): a typo must not pass for a choice.
    /// </summary>
    public static CompositionSetting Read(AnalyzerConfigOptions options)
    {
        if (!options.TryGetValue("build_property." + ComposeModulesProperty, out var raw) || raw is null)
        {
            return CompositionSetting.Default;
        }

        var value = raw.Trim();
        if (value.Length == 0 || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return CompositionSetting.Default;
        }

        return string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
            ? new CompositionSetting(false, null)
            : new CompositionSetting(true, DiagnosticInfo.Create(DiagnosticDescriptors.InvalidComposeModules, null, ComposeModulesProperty, value, AcceptedValues));
    }
}

/// <summary>What <c>MediatorComposeModules</c> says, and the report of a value it does not accept.</summary>
/// <param name="ComposesModules">Whether the project composes the modules among its references.</param>
/// <param name="Problem">MED0048 for a value that is neither true, false nor empty; null otherwise.</param>
internal sealed record CompositionSetting(bool ComposesModules, DiagnosticInfo? Problem)
{
    public static readonly CompositionSetting Default = new(true, null);
}
