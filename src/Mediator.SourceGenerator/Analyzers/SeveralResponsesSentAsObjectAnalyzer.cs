using Mediator.SourceGenerator.Diagnostics;
using Mediator.SourceGenerator.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Mediator.SourceGenerator.Analyzers;

/// <summary>
/// MED0059: <c>Send</c> through <c>ISender</c>/<c>IMediator</c> of a request whose static type answers several response
/// types (<c>IRequest&lt;int&gt;</c> and <c>IRequest&lt;string&gt;</c>), without a type argument. The generic
/// <c>Send&lt;TResponse&gt;</c> cannot infer which, so the call binds to <c>Send(object)</c> (before that overload it did
/// not compile, CS0411): one pipeline is chosen for the caller, and its answer comes back as an <c>object</c>. A value
/// typed <c>object</c>, or one cast to it, is what that overload is for and is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SeveralResponsesSentAsObjectAnalyzer : MediatorAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SeveralResponsesSentAsObjectAnalyzer()
        : base(DiagnosticDescriptors.SeveralResponsesSentAsObject)
    {
    }

    /// <inheritdoc />
    private protected override void Register(AnalysisContext context)
        => context.RegisterOperationAction(Analyze, OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Send"
            || method.IsGenericMethod
            || method.Parameters.Length == 0
            || method.Parameters[0].Type.SpecialType != SpecialType.System_Object
            || !DispatchMethods.IsMediator(method.ContainingType)
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is not { Value: IConversionOperation { IsImplicit: true } conversion })
        {
            return;
        }

        var type = conversion.Operand.Type;
        var responses = type is null ? new List<ITypeSymbol>() : Responses(type);
        if (responses.Count < 2)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.SeveralResponsesSentAsObject,
            conversion.Operand.Syntax.GetLocation(),
            DiagnosticText.Name(type!),
            string.Join(", ", responses.Select(DiagnosticText.Name))));
    }

    /// <summary>The response types the type's <c>IRequest&lt;T&gt;</c> contracts name, in order, without repeats (a void request's is <c>Unit</c>).</summary>
    private static List<ITypeSymbol> Responses(ITypeSymbol type)
    {
        var contracts = type is INamedTypeSymbol { TypeKind: TypeKind.Interface } named ? new[] { named }.Concat(type.AllInterfaces) : type.AllInterfaces;
        var responses = new List<ITypeSymbol>();
        foreach (var contract in contracts.Where(KnownTypes.IsRequest))
        {
            if (!responses.Any(r => SymbolEqualityComparer.Default.Equals(r, contract.TypeArguments[0])))
            {
                responses.Add(contract.TypeArguments[0]);
            }
        }

        return responses;
    }
}
