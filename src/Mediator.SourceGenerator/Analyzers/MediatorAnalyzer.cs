using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// What every analyzer of this package shares: it reports one rule, runs concurrently, and skips generated code (the
/// generator's own output included, which the rules would only repeat). A subclass names its rule and registers its
/// actions.
/// </summary>
public abstract class MediatorAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Creates the analyzer of <paramref name="rule"/>.</summary>
    /// <param name="rule">The one diagnostic the analyzer reports.</param>
    private protected MediatorAnalyzer(DiagnosticDescriptor rule) => SupportedDiagnostics = ImmutableArray.Create(rule);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        Register(context);
    }

    /// <summary>Registers the actions that look for the rule's cases.</summary>
    /// <param name="context">The analysis context <see cref="Initialize"/> received, already configured.</param>
    private protected abstract void Register(AnalysisContext context);
}
