using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0031: a middleware's <c>InvokeAsync</c> that never touches its <c>next</c> parameter, so nothing inside it runs.
/// Any mention of <c>next</c> counts as a use (a call, passing it to a helper, copying it, a lambda that captures
/// it): a miss is cheaper than a warning on a middleware that does continue.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MiddlewareNeverCallsNextAnalyzer : MediatorAnalyzer
{
    private const string InvokeAsync = nameof(InvokeAsync);

    /// <summary>Creates the analyzer.</summary>
    public MiddlewareNeverCallsNextAnalyzer()
        : base(DiagnosticDescriptors.MiddlewareNeverCallsNext)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
    {
        context.RegisterOperationBlockAction(AnalyzeMethodBody);
    }

    private static void AnalyzeMethodBody(OperationBlockAnalysisContext context)
    {
        if (context.OwningSymbol is not IMethodSymbol { IsAbstract: false, Parameters.Length: >= 2 } method
            || !(method.Name == InvokeAsync || !method.ExplicitInterfaceImplementations.IsEmpty)
            || !ImplementsMiddlewareInvoke(method))
        {
            return;
        }

        var next = method.Parameters[1];
        var usesNext = context.OperationBlocks
            .SelectMany(block => block.DescendantsAndSelf())
            .OfType<IParameterReferenceOperation>()
            .Any(reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, next));
        if (!usesNext && context.OperationBlocks.Length > 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MiddlewareNeverCallsNext,
                method.Locations.FirstOrDefault(),
                DiagnosticText.Name(method.ContainingType),
                next.Name));
        }
    }

    private static bool ImplementsMiddlewareInvoke(IMethodSymbol method)
    {
        var type = method.ContainingType;
        foreach (var contract in type.AllInterfaces)
        {
            if ((KnownTypes.IsMiddleware(contract) || KnownTypes.IsNotificationMiddleware(contract) || KnownTypes.IsStreamMiddleware(contract))
                && contract.GetMembers(InvokeAsync).FirstOrDefault() is { } member
                && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
            {
                return true;
            }
        }

        return false;
    }
}
