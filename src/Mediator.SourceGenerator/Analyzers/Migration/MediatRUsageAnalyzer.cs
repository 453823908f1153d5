using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Mediator.SourceGenerator.Analyzers.Migration;

/// <summary>
/// MED0060 (info): code written against MediatR that the migration code fix ports. Reported on each place the fix
/// rewrites: a class that implements or derives from a MediatR contract (on its name), a <c>using MediatR;</c>
/// directive, a DI registration statement that mentions MediatR's types or calls <c>AddMediatR</c>, and a
/// <c>Send</c>/<c>Publish</c> call whose <c>Task</c> is kept rather than awaited. MediatR is recognised by name
/// (<see cref="MediatRApi"/>): nothing here references it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MediatRUsageAnalyzer : MediatorAnalyzer
{
    /// <summary>Diagnostic property: which kind of place was found, one of the <c>*Site</c> values.</summary>
    public const string SiteProperty = "Site";

    /// <summary>A class implementing or deriving from a MediatR contract.</summary>
    public const string ClassSite = "Class";

    /// <summary>A <c>using MediatR;</c> or <c>using MediatR.Pipeline;</c> directive.</summary>
    public const string UsingSite = "Using";

    /// <summary>A statement registering MediatR in a service collection.</summary>
    public const string RegistrationSite = "Registration";

    /// <summary>A <c>Send</c> or <c>Publish</c> whose <c>Task</c> is used as a task, not awaited.</summary>
    public const string TaskResultSite = "TaskResult";

    /// <summary>Creates the analyzer.</summary>
    public MediatRUsageAnalyzer()
        : base(DiagnosticDescriptors.MediatRUsage)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
    {
        // A project that does not see a MediatR namespace (every project once it is ported) pays for nothing else.
        context.RegisterCompilationStartAction(start =>
        {
            if (!start.Compilation.GlobalNamespace.GetNamespaceMembers().Any(n => n.Name == "MediatR"))
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeClass, SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(AnalyzeUsing, SyntaxKind.UsingDirective);
            start.RegisterSyntaxNodeAction(AnalyzeInvocation, SyntaxKind.InvocationExpression);
        });
    }

    private static void AnalyzeClass(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind != TypeKind.Class || type.Locations.FirstOrDefault() is not { IsInSource: true } location)
        {
            return;
        }

        var contracts = MediatRApi.DirectContracts(type).Select(c => c.Type.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)).ToList();
        if (contracts.Count > 0)
        {
            Report(context.ReportDiagnostic, location, ClassSite, $"'{DiagnosticText.Name(type)}' implements MediatR's {string.Join(" and ", contracts)}");
        }
    }

    private static void AnalyzeUsing(SyntaxNodeAnalysisContext context)
    {
        var directive = (UsingDirectiveSyntax)context.Node;
        if (MigrationSyntax.IsMediatRUsing(directive))
        {
            Report(context.ReportDiagnostic, directive.GetLocation(), UsingSite, $"'{directive.ToString().Trim()}' imports MediatR");
        }
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (MigrationSyntax.IsRegistrationStatement(invocation, context.SemanticModel, context.CancellationToken) is { } statement)
        {
            Report(context.ReportDiagnostic, statement.GetLocation(), RegistrationSite, "this statement registers MediatR; AddMediator() registers the generated mediator and every handler");
        }
        else if (MigrationSyntax.IsTaskResultDispatch(invocation, context.SemanticModel, context.CancellationToken))
        {
            Report(context.ReportDiagnostic, invocation.GetLocation(), TaskResultSite, "MediatR's dispatch returns a Task, which this code keeps; this library's returns a ValueTask, so the code fix adds .AsTask()");
        }
    }

    private static void Report(System.Action<Diagnostic> report, Location location, string site, string what)
        => report(Diagnostic.Create(
            DiagnosticDescriptors.MediatRUsage,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(SiteProperty, site),
            what));
}
