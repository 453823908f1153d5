using Mediator.SourceGenerator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0033: a call that blocks the thread (<c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c>,
/// <c>Thread.Sleep</c>, synchronous file I/O) inside a handler or middleware, where every message runs on the
/// caller's asynchronous path. Reported on the call itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingCallAnalyzer : MediatorAnalyzer
{
    /// <summary>Diagnostic property: which kind of blocking call (<see cref="BlockingCalls.AwaitableKind"/> can become an await).</summary>
    public const string KindProperty = "Kind";

    /// <summary>Creates the analyzer.</summary>
    public BlockingCallAnalyzer()
        : base(DiagnosticDescriptors.BlockingCallInPipeline)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
    {
        context.RegisterOperationAction(AnalyzePropertyRead, OperationKind.PropertyReference);
        context.RegisterOperationAction(AnalyzeCall, OperationKind.Invocation);
    }

    private static void AnalyzePropertyRead(OperationAnalysisContext context)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        Report(context, BlockingCalls.ForProperty(reference.Property));
    }

    private static void AnalyzeCall(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        Report(context, BlockingCalls.ForMethod(invocation.TargetMethod, invocation.Instance?.Type));
    }

    /// <summary>Checks the enclosing class only once a blocking call is found: most code has none.</summary>
    private static void Report(OperationAnalysisContext context, BlockingCalls.Advice? advice)
    {
        if (advice is null)
        {
            return;
        }

        var type = context.ContainingSymbol as INamedTypeSymbol ?? context.ContainingSymbol.ContainingType;
        if (PipelineRoles.Describe(type) is not { } role)
        {
            return;
        }

        var syntax = context.Operation.Syntax;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BlockingCallInPipeline,
            syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(KindProperty, advice.Kind),
            syntax.ToString(),
            role,
            DiagnosticText.Name(type!),
            advice.Text));
    }
}
